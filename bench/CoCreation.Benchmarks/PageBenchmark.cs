using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CoCreation.Host;
using CoCreation.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Benchmarks;

/// <summary>
/// p95 of the two busiest pages, server-rendered by the real host: /campaigns/{id} (list variants) and /ideas/{id}
/// (anonymous, and signed in by the dev sign-in's cookie), with 10,000 ideas in the campaign. The ideas whose pages are
/// read were made through the API (screened, approved, supported), so every module's part of the page has data.
/// </summary>
public static partial class PageBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var ideas = Options.Int(args, "--ideas", 10_000);
        var requests = Options.Int(args, "--requests", 400);
        var app = CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var api = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        var jwt = app.Services.GetRequiredService<JwtSettings>();
        string Token(string user, string role) => Authentication.IssueToken(jwt, user, user, [role], DateTimeOffset.UtcNow);

        var setup = Stopwatch.StartNew();
        var (campaign, read) = await BenchCampaign.WithPublishedIdeas(api, Token, 20);
        await IdeaListBenchmark.Seed(app.Services.GetRequiredService<IDocumentStore>(), campaign, ideas - read.Length);
        Console.WriteLine($"Campaign with {read.Length} ideas through the API and {ideas - read.Length} more as Ideation's events in {setup.Elapsed.TotalSeconds:F1} s.");

        using var anonymous = new HttpClient { BaseAddress = new Uri(address) };
        using var member = await SignedIn(address, "bench-reader");
        var rows = new List<Latency>();
        string[] listVariants = ["", "?sort=newest", "?status=Published", "?sort=supporters&page=25", "?q=Idea%204242"];
        var random = new Random(11);
        foreach (var (client, who) in new[] { (anonymous, "anonymous"), (member, "signed in") })
        {
            var list = new Latency($"/campaigns/{{id}} ({who})");
            var detail = new Latency($"/ideas/{{id}} ({who})");
            for (var i = 0; i < 20; i++) { await Page(client, $"/campaigns/{campaign}", "<h1"); await Page(client, $"/ideas/{read[0]}", "data-testid=\"supporters\""); }
            for (var i = 0; i < requests; i++)
            {
                await list.Time(() => Page(client, $"/campaigns/{campaign}{listVariants[random.Next(listVariants.Length)]}", "<h1"));
                await detail.Time(() => Page(client, $"/ideas/{read[random.Next(read.Length)]}", "data-testid=\"supporters\""));
            }
            rows.Add(list);
            rows.Add(detail);
        }
        Console.WriteLine($"{ideas} ideas in the campaign, {requests} sequential requests per row; list variants: {string.Join(", ", listVariants.Select(v => v == "" ? "(default)" : v))}");
        Console.WriteLine(Latency.Header);
        foreach (var row in rows) Console.WriteLine(row.Row());
        await app.StopAsync();
        return rows.All(r => r.Percentile(95) < 100) ? 0 : 1;
    }

    private static async Task<string> Page(HttpClient client, string path, string expected)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains(expected))
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}, expected {expected}");
        return html;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    /// <summary>A browser-like client signed in through the dev sign-in form, keeping its cookies.</summary>
    private static async Task<HttpClient> SignedIn(string address, string userId)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var form = await client.GetStringAsync("/signin");
        var token = FormToken().Match(form).Groups[1].Value;
        using var posted = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userId"] = userId, ["name"] = userId, ["roles"] = "participant", ["returnUrl"] = "/"
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect || posted.Headers.Location?.OriginalString.Contains("error") == true)
            throw new InvalidOperationException($"Sign-in answered {(int)posted.StatusCode} {posted.Headers.Location}");
        return client;
    }
}
