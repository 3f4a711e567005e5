using static CoCreation.Benchmarks.BenchDatabase;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CoCreation.Audit;
using CoCreation.Ideation.Ideas;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.Benchmarks;

/// <summary>
/// The audit reads a legal team and a member make, at about a million events in the store (docs/adr/0025):
/// a campaign's state at an instant (10,000 ideas), an idea's provenance, the campaign's history pages, and an event's
/// inclusion proof. One campaign is made through the API (its ideas have real provenance), 10,000 more ideas are
/// appended to it as Ideation's events in ten rounds, between other campaigns' ideas and tallies that make up the rest.
/// With --without-index the history is measured again after dropping the campaign index, for comparison.
/// </summary>
public static class AuditReadBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var total = Options.Int(args, "--events", 1_000_000);
        var ideaCount = Options.Int(args, "--ideas", 10_000);
        var requests = Options.Int(args, "--requests", 300);
        var stateRuns = Options.Int(args, "--runs", 10);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                               ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: use bench/run.sh.");

        var app = await BenchHost.Start();
        using var http = new HttpClient { BaseAddress = BenchHost.Address(app), Timeout = TimeSpan.FromMinutes(5) };
        var Token = BenchHost.Tokens(app);
        var legal = Token("bench-legal", "legal");
        var store = app.Services.GetRequiredService<IDocumentStore>();

        var setup = Stopwatch.StartNew();
        var (campaign, published) = await BenchCampaign.WithPublishedIdeas(http, Token, 20);
        // The campaign's ideas arrive over the whole load, between other campaigns' events, as campaigns run side by side.
        const int rounds = 10;
        var fillerPerRound = (int)Math.Max(0, total - await Count(connectionString) - ideaCount * 2.7) / rounds;
        var middle = DateTimeOffset.UtcNow;
        for (var round = 0; round < rounds; round++)
        {
            await Filler(store, fillerPerRound, writers: 4);
            await IdeaListBenchmark.Seed(store, campaign, ideaCount / rounds);
            if (round == rounds / 2 - 1) { middle = DateTimeOffset.UtcNow; await Task.Delay(50); }
        }
        var events = await Count(connectionString);
        Console.WriteLine($"Loaded {events} events ({ideaCount + published.Length} ideas in the measured campaign) in {setup.Elapsed.TotalSeconds:F0} s.");

        var treeWait = Stopwatch.StartNew();
        var loadedTo = await BenchDatabase.Scalar(connectionString, "select coalesce(max(seq_id), 0) from events.mt_events");
        while (await BenchDatabase.Scalar(connectionString, "select coalesce(max(seq_id), 0) from audit.merkle_leaves") < loadedTo && treeWait.Elapsed < TimeSpan.FromMinutes(40))
            await Task.Delay(1000);
        while (await SlowestAsyncShard(connectionString) < loadedTo && treeWait.Elapsed < TimeSpan.FromMinutes(45))
            await Task.Delay(1000);
        Console.WriteLine($"The chain, tree and async projections caught up {treeWait.Elapsed.TotalSeconds:F0} s after the load.");
        await Vacuum(connectionString);

        var random = new Random(11);
        await Breakdown(app.Services, campaign);
        await Get(http, $"/api/campaigns/{campaign}/state", legal);
        var state = new Latency($"state?at= ({ideaCount + published.Length} ideas; half of them at the earlier instant)");
        for (var run = 0; run < stateRuns; run++)
        {
            var at = Uri.EscapeDataString((run % 2 == 0 ? DateTimeOffset.UtcNow : middle).ToString("O"));
            var body = await state.Time(() => Get(http, $"/api/campaigns/{campaign}/state?at={at}", legal));
            if (run < 2) Console.WriteLine($"  state at {(run % 2 == 0 ? "now" : "the middle")}: {JsonDocument.Parse(body).RootElement.GetProperty("ideas").GetArrayLength()} ideas");
        }

        var provenance = new Latency("provenance (an idea made through the API)");
        foreach (var i in Enumerable.Range(0, 20)) await Get(http, $"/api/ideas/{published[i % published.Length]}/provenance", legal);
        for (var i = 0; i < requests; i++)
            await provenance.Time(() => Get(http, $"/api/ideas/{published[random.Next(published.Length)]}/provenance", legal));

        var sequences = await CampaignSequences(connectionString, campaign);
        var history = await History(http, legal, campaign, sequences, random, requests, "history, a page of 50 after a random event");
        var filtered = new Latency("history, one event type (idea_published), a page of 50");
        for (var i = 0; i < requests; i++)
        {
            var after = sequences[random.Next(sequences.Count)];
            await filtered.Time(() => Get(http, $"/api/campaigns/{campaign}/history?after={after}&limit=50&type=idea_published", legal));
        }

        var checkpoint = await Get(http, "/api/audit/checkpoint", null);
        var treeSize = long.Parse(checkpoint.Split('\n')[1]);
        var leaves = await BenchDatabase.Scalar(connectionString, $"select max(seq_id) from audit.merkle_leaves where leaf_index < {treeSize}");
        var inclusion = new Latency($"inclusion proof (tree of {treeSize} leaves, public event)");
        var campaignSeqs = sequences.Where(s => s <= leaves).ToList();
        for (var i = 0; i < 50; i++) await Get(http, $"/api/audit/proofs/inclusion?seq={campaignSeqs[i % campaignSeqs.Count]}&treeSize={treeSize}", null);
        for (var i = 0; i < requests; i++)
            await inclusion.Time(() => Get(http, $"/api/audit/proofs/inclusion?seq={campaignSeqs[random.Next(campaignSeqs.Count)]}&treeSize={treeSize}", null));

        Console.WriteLine();
        Console.WriteLine($"{events} events in the log; sequential requests through Kestrel with a legal token (proofs anonymous):");
        Console.WriteLine(Latency.Header);
        foreach (var latency in new[] { state, provenance, history, filtered, inclusion }) Console.WriteLine(latency.Row());

        if (args.Contains("--without-index"))
        {
            await Execute(connectionString, $"drop index events.{CampaignEventsIndex.Name}");
            var unindexed = await History(http, legal, campaign, sequences, random, Math.Min(requests, 50), "history without the campaign index");
            Console.WriteLine(unindexed.Row());
            await Execute(connectionString, new CampaignEventsIndex("events").CreateSql);
        }
        await app.StopAsync();
        return 0;
    }

    /// <summary>Where the state at an instant spends its time, each part called directly (after one warm-up call).</summary>
    private static async Task Breakdown(IServiceProvider services, Guid campaign)
    {
        var log = services.GetRequiredService<CoCreation.BuildingBlocks.TimeTravel.IEventLogAt>();
        var parts = services.GetServices<CoCreation.BuildingBlocks.TimeTravel.ICampaignStatePart>().ToList();
        var at = DateTimeOffset.UtcNow;
        foreach (var part in parts) await part.At(campaign, at, log, CancellationToken.None);
        var store = services.GetRequiredService<IDocumentStore>();
        var clock = Stopwatch.StartNew();
        await using var session = store.QuerySession();
        var ids = await session.Query<CoCreation.Ideation.Ideas.GettingDetails.IdeaDetails>().Where(i => i.CampaignId == campaign).Select(i => i.Id).ToListAsync();
        var idsMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await log.VersionsAt(ids, at, CancellationToken.None);
        var versionsMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await log.AggregatesAt<CoCreation.Ideation.Ideas.GettingDetails.IdeaDetails>(ids, at, CancellationToken.None);
        var foldMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var idArray = ids.ToArray();
        var raw = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(idArray)).ToListAsync();
        var rawMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var aggregator = ((StoreOptions)store.Options).Projections.AggregatorFor<CoCreation.Ideation.Ideas.GettingDetails.IdeaDetails>();
        foreach (var stream in raw.GroupBy(e => e.StreamId)) await aggregator.BuildAsync(stream.ToList(), session, default, CancellationToken.None);
        Console.WriteLine($"  for comparison, Marten's raw-event query: {raw.Count} events in {rawMs:F0} ms, then folded in {clock.Elapsed.TotalMilliseconds:F0} ms");
        var timings = new List<string>();
        foreach (var part in parts)
        {
            clock.Restart();
            await part.At(campaign, at, log, CancellationToken.None);
            timings.Add($"{part.Part} {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
        Console.WriteLine($"  state?at= breakdown: idea ids {idsMs:F0} ms, versions at (not needed by the fold) {versionsMs:F0} ms, AggregatesAt (one query, then the fold) {foldMs:F0} ms; parts: {string.Join(", ", timings)}");
    }

    private static async Task<Latency> History(HttpClient http, string token, Guid campaign, List<long> sequences, Random random, int requests, string name)
    {
        var latency = new Latency(name);
        for (var i = 0; i < requests; i++)
        {
            var after = sequences[random.Next(sequences.Count)];
            await latency.Time(() => Get(http, $"/api/campaigns/{campaign}/history?after={after}&limit=50", token));
        }
        return latency;
    }

    private static async Task<string> Get(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        return body;
    }

    /// <summary>Other campaigns' ideas, each a submission and nine tallies in one transaction; a campaign per 1,000 ideas.</summary>
    private static async Task Filler(IDocumentStore store, int events, int writers)
    {
        const int perStream = 10;
        var streams = events / perStream;
        var campaigns = Enumerable.Range(0, Math.Max(1, streams / 1000)).Select(_ => Guid.CreateVersion7()).ToArray();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (true)
            {
                var first = Interlocked.Add(ref next, 20) - 19;
                if (first >= streams) break;
                await using var session = store.LightweightSession();
                for (var s = first; s < Math.Min(streams, first + 20); s++)
                {
                    var id = Guid.CreateVersion7();
                    var campaign = campaigns[s % campaigns.Length];
                    var at = DateTimeOffset.UtcNow;
                    var batch = new List<object> { new IdeaSubmitted(id, campaign, "Filler idea", "Another campaign's idea.", ["bench"], "member", at) };
                    for (var i = 1; i < perStream; i++) batch.Add(new IdeaSupportersCounted(id, campaign, i, i, at));
                    session.Events.StartStream<Idea>(id, batch.ToArray());
                }
                await session.SaveChangesAsync();
            }
        }));
    }

    private static async Task<List<long>> CampaignSequences(string connectionString, Guid campaign)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var command = data.CreateCommand($"select seq_id from events.mt_events where {CampaignEventsIndex.Key} = $1 order by seq_id");
        command.Parameters.Add(new() { Value = campaign.ToString() });
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sequences.Add(reader.GetInt64(0));
        return sequences;
    }

    /// <summary>Fresh planner statistics after the bulk load, as autovacuum would give a store that grew over months.</summary>
    private static Task Vacuum(string connectionString) => Execute(connectionString, "vacuum analyze");

}
