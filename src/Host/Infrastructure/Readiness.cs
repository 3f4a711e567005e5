using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoCreation.Host.Infrastructure;

/// <summary>
/// Ready means started, done seeding when the demo seed is on, and healthy: <c>/health/ready</c> answers 503 until then.
/// <c>/health</c> keeps answering whether the process and its database are alive.
/// </summary>
public sealed class Readiness(IHostApplicationLifetime lifetime, IConfiguration config)
{
    private volatile bool _seeded;

    public bool SeedPending => !_seeded && config.GetValue("CoCreation:SeedDemoData", false);

    public void SeedFinished() => _seeded = true;

    /// <summary>Why the platform is not ready yet, or null.</summary>
    public string? Waiting =>
        !lifetime.ApplicationStarted.IsCancellationRequested ? "starting"
        : SeedPending ? "seeding the demo data"
        : null;

    /// <summary>The one line that says where the platform answers, once it does.</summary>
    public static void AnnounceReady(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault() ?? CoCreationHost.DefaultUrl;
        app.Logger.LogInformation("CoCreation ready at {Addresses} (API reference {Docs})", string.Join(", ", addresses), $"{first}/docs");
    }
}

public static class ReadinessSetup
{
    public static IServiceCollection AddReadiness(this IServiceCollection services) => services.AddSingleton<Readiness>();

    /// <summary>
    /// Not a health check: the health check service logs every unhealthy answer as an error, and "still seeding" is none.
    /// </summary>
    public static void MapReadiness(this WebApplication app) => app.Map("/health/ready", async http =>
    {
        var waiting = http.RequestServices.GetRequiredService<Readiness>().Waiting;
        var report = waiting is null ? await http.RequestServices.GetRequiredService<HealthCheckService>().CheckHealthAsync(http.RequestAborted) : null;
        var healthy = report is { Status: not HealthStatus.Unhealthy };
        http.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.CacheControl = "no-store";
        var checks = (report?.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }) ?? [])
            .Prepend(new { name = "ready", status = waiting is null ? "Healthy" : "Unhealthy", description = (string?)(waiting ?? "ready") });
        await http.Response.WriteAsJsonAsync(new { status = healthy ? (report!.Status.ToString()) : "Unhealthy", checks });
    });
}
