using CoCreation.Host;
using CoCreation.Host.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Benchmarks;

/// <summary>The real host on a free loopback port, in dev mode with warnings only, and bearer tokens it accepts.</summary>
public static class BenchHost
{
    public static async Task<WebApplication> Start(params string[] settings)
    {
        var app = CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Issues a token for a user with one role, signed with the host's own key.</summary>
    public static Func<string, string, string> Tokens(WebApplication app)
    {
        var jwt = app.Services.GetRequiredService<JwtSettings>();
        return (user, role) => Authentication.IssueToken(jwt, user, user, [role], DateTimeOffset.UtcNow);
    }
}
