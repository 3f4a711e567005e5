using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>
/// The real host on Kestrel (a free loopback port, the test script's PostgreSQL) and Debian's Chromium driven by
/// Playwright: one launch helper, never a downloaded browser (docs/adr/0005).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public WebApplication App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Api { get; private set; } = null!;
    private IPlaywright _playwright = null!;
    private string _database = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")))
            throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: ./test.sh installs Debian's chromium package.");
        // A database of the browser tests' own: the end-to-end suite runs beside them and counts what its database holds.
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!;
        _database = $"browser_{Guid.NewGuid():N}"[..20];
        await using (var admin = Npgsql.NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"create database {_database}"))
            await create.ExecuteNonQueryAsync();
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        App = CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development", "--CoCreation:DevMode=true", $"--ConnectionStrings:Postgres={connection}"]);
        await App.StartAsync();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Api.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        await using var drop = admin.CreateCommand($"drop database if exists {_database} with (force)");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the dev sign-in page, as a member would, in whatever language the page speaks
    /// (LanguageTests holds the English labels of the contract).</summary>
    public static Task SignIn(IPage page, string userId, params string[] roles) => SignInToOrganisation(page, userId, organisation: null, roles);

    /// <summary>Signs in as a member of a brand organisation (or with none when null).</summary>
    public static async Task SignInToOrganisation(IPage page, string userId, string? organisation, params string[] roles)
    {
        // Sign-in is the stage, not the act under test (LanguageTests pins the form): a second attempt covers a post lost
        // to a page still loading on a busy machine, and a failure says where the browser stood.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/signin", new() { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("#userId").FillAsync(userId);
            if (organisation is not null) await page.Locator("#org").FillAsync(organisation);
            foreach (var role in new[] { "participant", "moderator", "brand", "legal", "admin" })
                await page.Locator($"#role-{role}").SetCheckedAsync(roles.Contains(role));
            await page.Locator("form.card button[type=submit]").ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/signin"), new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 2 && !page.Url.Contains("error="))
            {
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"Sign-in as {userId} stayed at {page.Url}.", e);
            }
        }
    }

    public Task<string> Token(string userId, params string[] roles) => TokenForOrganisation(userId, organisation: null, roles);

    public async Task<string> TokenForOrganisation(string userId, string? organisation, params string[] roles)
    {
        var response = await Api.PostAsJsonAsync("/api/dev/tokens", new { userId, name = userId, roles, org = organisation });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<JsonElement> Send(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A published idea in a fresh open campaign, through the API: the stage the pages are tested on.</summary>
    public async Task<(Guid CampaignId, Guid IdeaId, string Author)> PublishedIdea(string title)
    {
        var stage = await PublishedStage(title);
        return (stage.CampaignId, stage.IdeaId, stage.Author);
    }

    /// <summary>The people behind a published idea: its campaign's brand member, its author, the moderator who approved it, a legal member.</summary>
    public sealed record Stage(Guid CampaignId, Guid IdeaId, string Author, string Brand, string Moderator, string Legal);

    /// <summary>A published idea in a fresh open campaign, through the API, with who made it.</summary>
    /// <summary>The member accepts the current contributor agreement (legal publishes a first one when there is none yet).</summary>
    public async Task AcceptAgreement(string memberToken, string? legalToken = null)
    {
        var current = await Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await Send(HttpMethod.Post, "/api/ip/agreements", legalToken ?? await Token($"legal-{Guid.NewGuid():N}"[..14], "legal"),
                new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", memberToken);
    }

    public async Task<Stage> PublishedStage(string title)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brandId = $"brand-{suffix}";
        var brand = await Token(brandId, "brand");
        var author = $"author-{suffix}";
        var authorToken = await Token(author, "participant");
        var moderator = await Token($"mod-{suffix}", "moderator");
        var legal = await Token($"legal-{suffix}", "legal");
        await AcceptAgreement(authorToken, legal);
        var campaignId = (await Send(HttpMethod.Post, "/api/campaigns", brand, new { title = $"Harbour sets {suffix}", brief = "Sets about ports and ferries." })).GetProperty("id").GetGuid();
        await Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        var ideaId = (await Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", authorToken,
            new { title, description = "A car ferry whose bow opens.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        var item = await Eventually(async () =>
        {
            var queue = await Send(HttpMethod.Get, "/api/moderation/queue", moderator);
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault();
        });
        await Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderator, new { decision = "Approve" });
        await Eventually(async () => (await Api.GetAsync($"/api/ideas/{ideaId}/tally")).IsSuccessStatusCode ? (bool?)true : null);
        return new Stage(campaignId, ideaId, author, brandId, $"mod-{suffix}", $"legal-{suffix}");
    }

    /// <summary>
    /// Waits until Insights answers for the campaign (it learns of facts a moment after the other modules record them:
    /// a 404 until it knows the campaign) and <paramref name="settled"/> holds for its report.
    /// </summary>
    public Task WaitForInsights(Guid campaignId, string brandToken, Func<JsonElement, bool>? settled = null) =>
        Eventually(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}/insights");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", brandToken);
            var response = await Api.SendAsync(request);
            if (!response.IsSuccessStatusCode) return null;
            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return settled is null || settled(report) ? (bool?)true : null;
        });

    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, int seconds = 30) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds}s.");
            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
