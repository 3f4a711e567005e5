using System.Diagnostics;
using CoCreation.Host;
using CoCreation.Ideation.Ideas;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Benchmarks;

/// <summary>
/// p95 of GET /api/campaigns/{id}/ideas over a campaign of 10,000 ideas (plus as many in other campaigns),
/// through the real host. The ideas are appended as Ideation's own events, so the list is its live projection.
/// </summary>
public static class IdeaListBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var ideas = Options.Int(args, "--ideas", 10_000);
        var requests = Options.Int(args, "--requests", 1_000);
        var app = CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var store = app.Services.GetRequiredService<IDocumentStore>();
        var campaign = Guid.CreateVersion7();
        var seeding = Stopwatch.StartNew();
        await Seed(store, campaign, ideas);
        await Seed(store, Guid.CreateVersion7(), ideas);
        Console.WriteLine($"Seeded 2 x {ideas} ideas (as events, inline projections) in {seeding.Elapsed.TotalSeconds:F1} s.");

        var random = new Random(7);
        string[] variants = ["sort=supporters", "sort=newest", "status=Published&sort=supporters", "status=Published&sort=newest"];
        var byVariant = variants.ToDictionary(v => v, v => new Latency(v));
        for (var i = 0; i < 50; i++) await http.GetStringAsync($"/api/campaigns/{campaign}/ideas?{variants[i % 4]}");
        for (var i = 0; i < requests; i++)
        {
            var variant = variants[random.Next(variants.Length)];
            var page = random.Next(1, 51);
            var url = $"/api/campaigns/{campaign}/ideas?{variant}&page={page}&pageSize=20";
            var body = await byVariant[variant].Time(() => http.GetStringAsync(url));
            if (!body.Contains("\"total\"")) throw new InvalidOperationException($"Unexpected answer to {url}: {body[..Math.Min(200, body.Length)]}");
        }
        Console.WriteLine($"GET /api/campaigns/{{id}}/ideas, {ideas} ideas in the campaign, {requests} sequential requests, pages 1-50 of 20:");
        Console.WriteLine(Latency.Header);
        foreach (var latency in byVariant.Values) Console.WriteLine(latency.Row());
        Console.WriteLine(Overall(byVariant.Values));
        await app.StopAsync();
        return 0;
    }

    private static string Overall(IEnumerable<Latency> parts)
    {
        var merged = new Latency("all variants");
        foreach (var part in parts) merged.Absorb(part);
        return merged.Row();
    }

    internal static async Task Seed(IDocumentStore store, Guid campaignId, int count)
    {
        var random = new Random(campaignId.GetHashCode());
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        for (var batch = 0; batch < count; batch += 500)
        {
            await using var session = store.LightweightSession();
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var id = Guid.CreateVersion7();
                var at = start.AddMinutes(i * 5);
                // A realistic skew: most ideas have few supporters, a few have many.
                var supporters = (int)Math.Floor(Math.Pow(random.NextDouble(), 4) * 2_000);
                var submitted = new IdeaSubmitted(id, campaignId, $"Idea {i}: a set worth building", $"Description of idea {i}.", ["bench"], $"member{i % 500}", at);
                object[] events = i % 10 == 0
                    ? [submitted]
                    : [submitted, new IdeaPublished(id, campaignId, Guid.NewGuid(), "moderator", at.AddHours(1)),
                       new IdeaSupportersCounted(id, campaignId, supporters, supporters, at.AddDays(1))];
                session.Events.StartStream<Idea>(id, events);
            }
            await session.SaveChangesAsync();
        }
    }
}
