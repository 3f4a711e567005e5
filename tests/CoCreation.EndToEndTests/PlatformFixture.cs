using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCreation.EndToEndTests;

/// <summary>
/// The real host on Kestrel (a free loopback port), on the PostgreSQL that the test script started
/// (ConnectionStrings__Postgres), with real Wolverine messaging. One host for the whole run.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime, IAsyncDisposable
{
    public WebApplication App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    /// <summary>Every log entry of the host, at every level, while a test records.</summary>
    public LogCapture Logs { get; } = new();

    private readonly string[] _settings = [];

    public PlatformFixture() { }

    /// <summary>A host of a test's own (not the shared one), with these settings after the defaults (e.g. its own database, key).</summary>
    private PlatformFixture(string[] settings) => _settings = settings;

    /// <summary>Starts a host of a test's own; dispose it to stop it (a restart is a new one on the same settings' database).</summary>
    public static async Task<PlatformFixture> StartOwn(params string[] settings)
    {
        var own = new PlatformFixture(settings);
        await own.InitializeAsync();
        return own;
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")))
            throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");
        App = CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development", "--CoCreation:DevMode=true", "--CoCreation:Audit:CheckpointSeconds=1",
            $"--Blobs:Path={Path.Combine(Path.GetTempPath(), "cocreation-test-blobs")}", .. _settings], builder =>
        {
            builder.Logging.AddProvider(Logs);
            builder.Logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        });
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        AgreementVersion = await EnsureAgreement();
    }

    /// <summary>The contribution agreement in force for the run; authors in tests accept it.</summary>
    public string AgreementVersion { get; private set; } = "";

    private async Task<string> EnsureAgreement()
    {
        var current = await Send(HttpMethod.Get, "/api/ip/agreements/current");
        if (current.IsSuccessStatusCode) return (await Json(current)).GetProperty("version").GetString()!;
        var legal = await TokenFor("legal-e2e", "legal");
        var published = await Send(HttpMethod.Post, "/api/ip/agreements", legal,
            new { version = "e2e-1", text = "Contributors grant the brand a licence to their ideas as the campaign brief describes." });
        published.EnsureSuccessStatusCode();
        return "e2e-1";
    }

    public async Task AcceptAgreement(string token)
    {
        var accepted = await Send(HttpMethod.Post, $"/api/ip/agreements/{AgreementVersion}/acceptances", token);
        accepted.EnsureSuccessStatusCode();
    }

    /// <summary>Publishes a contract message as another module would, through real Wolverine.</summary>
    public async Task Publish(object message)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(message);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public Task<string> TokenFor(string userId, params string[] roles) => TokenForOrg(userId, null, roles);

    /// <summary>A token of a member acting for a brand organisation (the org claim).</summary>
    public async Task<string> TokenForOrg(string userId, string? org, params string[] roles)
    {
        var response = await Http.PostAsJsonAsync("/api/dev/tokens", new { userId, name = userId, roles, org });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? token = null, object? body = null,
        string? correlationId = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (correlationId is not null) request.Headers.Add("X-Correlation-Id", correlationId);
        if (body is HttpContent content) request.Content = content;
        else if (body is not null) request.Content = JsonContent.Create(body);
        var response = await Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync(); // so a test may read the body more than once
        return response;
    }

    /// <summary>A database of a test's own on the test script's server, dropped and created empty (a fresh log each run).</summary>
    public static async Task<string> FreshDatabase(string name)
    {
        var shared = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");
        await using (var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(shared) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await new Npgsql.NpgsqlCommand($"drop database if exists {name} with (force)", admin).ExecuteNonQueryAsync();
            await new Npgsql.NpgsqlCommand($"create database {name}", admin).ExecuteNonQueryAsync();
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(shared) { Database = name }.ConnectionString;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Polls until the probe answers, for what other modules do after a message.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, string what, int seconds = 30) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } result) return result;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds}s for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The response is a problem of this status whose type names this rule.</summary>
    public static async Task AssertRule(HttpResponseMessage response, System.Net.HttpStatusCode status, string rule)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.EndsWith($"/problems/{rule}", (await Json(response)).GetProperty("type").GetString());
    }

    /// <summary>Runs the host's command line as a separate process, as an operator would, in Development (no production signing key needed).</summary>
    public static Task<(int Code, string Output)> RunHostCli(params string[] args) => RunHostCli(new Dictionary<string, string?>(), args);

    /// <summary>Same, with these environment variables changed (a null value removes the variable).</summary>
    public static async Task<(int Code, string Output)> RunHostCli(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = StartHost(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts the host's own executable, as an operator would, in Development unless the environment says otherwise.</summary>
    public static System.Diagnostics.Process StartHost(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoCreation.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return System.Diagnostics.Process.Start(start)!;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
