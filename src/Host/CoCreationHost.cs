using CoCreation.Host.Ui;
using CoCreation.Audit;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Time;
using CoCreation.Host.Dev;
using CoCreation.Host.Infrastructure;
using CoCreation.Host.Infrastructure.Logging;
using CoCreation.Host.Seed;
using CoCreation.Ideation;
using CoCreation.IntellectualProperty;
using CoCreation.Moderation;
using CoCreation.Rewards;
using CoCreation.Insights;
using CoCreation.Notifications;
using CoCreation.Voting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace CoCreation.Host;

/// <summary>Builds the platform: shared by Program (run and CLI verbs) and the end-to-end tests.</summary>
public static class CoCreationHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the assembly, wherever the host is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        // Long request lines reach the input guard, which answers them as problems (Kestrel's own 414 has no body).
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = 256 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 512 * 1024;
            // Multipart uploads carry files; the input guard holds every other body to its own, smaller bound.
            k.Limits.MaxRequestBodySize = InputGuard.MaxUploadBytes;
        });
        configure?.Invoke(builder);

        var config = builder.Configuration;
        var devMode = config.GetValue("CoCreation:DevMode", !builder.Environment.IsProduction());
        var connectionString = config.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set. Start the platform with ./run.sh (it starts a private PostgreSQL) or set ConnectionStrings__Postgres.");

        if (builder.Environment.IsProduction()) builder.Logging.AddJsonConsole();
        builder.Logging.AddLogHygiene();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var clock = new AppClock();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // A field the operation does not know is named in a 400, not silently dropped.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.AddProblemResponses();
        builder.Services.AddBearerAuthentication(config, devMode);
        builder.Services.AddCoCreationOpenApi();
        builder.Services.AddRazorComponents();
        builder.Services.AddPageLocalisation();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHealthChecks().AddCheck("postgres", new PostgresHealthCheck(connectionString));
        builder.Services.AddReadiness();

        var auditChain = config.GetValue("CoCreation:Audit:Chain", true);
        // Without the chain there is no tree to sign: the key is then optional.
        var transparency = auditChain || !string.IsNullOrWhiteSpace(config[CheckpointKey.FileSetting]) ? CheckpointKey.Load(config, devMode) : null;
        builder.Services.AddEventStore(connectionString);
        builder.UseCoCreationMessaging();
        builder.Services
            .AddAudit(auditChain, transparency)
            .AddIdeationModule()
            .AddVotingModule()
            .AddModerationModule()
            .AddIntellectualPropertyModule()
            .AddRewardsModule()
            .AddInsightsModule()
            .AddNotificationsModule();
        builder.Services.AddTransient<DemoSeeder>();
        builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<CoCreation.Host.ReadModels.StreamFoldRebuild>();

        var app = builder.Build();
        app.UseExceptionHandler();
        // Problem documents for the API's bodyless errors; the pages render their own "not found".
        app.UseWhen(http => !http.Request.Path.HasValue || !IsPage(http.Request.Path), api => api.UseStatusCodePages());
        app.UseCorrelation();
        app.UseInputGuard();
        app.UsePageLocalisation();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        app.UseStaticFiles();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CoCreation API"));
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth });
        app.MapReadiness();
        foreach (var module in app.Services.GetServices<IModuleEndpoints>()) module.Map(app);
        if (devMode) app.MapDevEndpoints();
        app.MapSignIn(devMode);
        app.MapLanguageSwitch();
        app.MapRazorComponents<CoCreation.Host.Ui.App>()
            .AddAdditionalAssemblies(app.Services.GetServices<CoCreation.BuildingBlocks.Ui.UiAssembly>().Select(m => m.Assembly).Distinct().ToArray());
        return app;
    }

    /// <summary>Paths the shell's pages answer (everything but the API, the API reference and the health checks).</summary>
    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/docs") && !path.StartsWithSegments("/health");

    private static Task WriteHealth(HttpContext http, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description })
        });
    }
}
