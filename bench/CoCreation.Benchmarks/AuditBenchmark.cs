using static CoCreation.Benchmarks.BenchDatabase;
using System.Diagnostics;
using CoCreation.Host;
using CoCreation.Audit;
using CoCreation.Ideation.Ideas;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.Benchmarks;

/// <summary>
/// The audit chain's costs: appends/s without and with the chain running, how fast the chain catches up, how fast
/// `audit verify` checks the log, and how fast a read model is rebuilt from it, at about a million events.
/// Events are Ideation's (an idea and its tallies), through the real inline projections.
/// </summary>
public static class AuditBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var total = Options.Int(args, "--events", 1_000_000);
        var compare = Options.Int(args, "--compare", 50_000);
        var writers = Options.Int(args, "--writers", 16);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!;

        // A first host applies the schema (the seal's trigger included) to a fresh database.
        await using (var schema = Host(false))
        {
            await schema.StartAsync();
            await schema.StopAsync();
        }

        // The append seal (a trigger in each append's transaction, docs/adr/0024) measured off and on, three runs each, interleaved.
        var unsealed = new List<double>();
        var sealedRates = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            await Sealing(connectionString, false);
            unsealed.Add(await AppendRate(false, compare, writers));
            await Sealing(connectionString, true);
            sealedRates.Add(await AppendRate(false, compare, writers));
        }
        Console.WriteLine($"| appends, {writers} writers, 10 events per transaction, no chain | without seal {Median(unsealed):F0} events/s ({string.Join(", ", unsealed.Select(r => r.ToString("F0")))}) " +
                          $"| with seal {Median(sealedRates):F0} events/s ({string.Join(", ", sealedRates.Select(r => r.ToString("F0")))}) | {Median(sealedRates) / Median(unsealed):P0} |");
        var without = Median(sealedRates);
        var with = await AppendRate(true, compare, writers);
        Console.WriteLine($"| appends, {writers} writers, 10 events per transaction, sealed | without chain {without:F0} events/s | with chain {with:F0} events/s | {with / without:P0} |");

        var app = Host(true);
        await app.StartAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var loaded = await Count(connectionString);
        var bulk = Stopwatch.StartNew();
        await Append(store, (int)Math.Max(0, total - loaded), 4, eventsPerStream: 100);
        var events = await Count(connectionString);
        Console.WriteLine($"Loaded to {events} events in {bulk.Elapsed.TotalSeconds:F0} s.");

        var catchUp = Stopwatch.StartNew();
        var audit = app.Services.GetRequiredService<AuditStore>();
        while (await ChainHead(connectionString) < await MaxSequence(connectionString) && catchUp.Elapsed < TimeSpan.FromMinutes(30))
            await Task.Delay(500);
        Console.WriteLine($"The chain caught up {catchUp.Elapsed.TotalSeconds:F1} s after the load ended.");

        var verify = Stopwatch.StartNew();
        var result = await audit.Verify(CancellationToken.None);
        verify.Stop();
        Console.WriteLine($"| verify | {result.EventsChecked} events | {verify.Elapsed.TotalSeconds:F1} s | {result.EventsChecked / verify.Elapsed.TotalSeconds:F0} events/s | valid {result.Valid} |");

        // The async projections (Insights') catch up with the load first, so the rebuild below runs alone.
        var settle = Stopwatch.StartNew();
        var loadedTo = await MaxSequence(connectionString); // the checkpoints signed meanwhile are events too: the target is fixed here
        while (await SlowestAsyncShard(connectionString) < loadedTo && settle.Elapsed < TimeSpan.FromMinutes(5))
            await Task.Delay(500);
        Console.WriteLine($"The async projections caught up {settle.Elapsed.TotalSeconds:F1} s after verify.");
        await app.StopAsync();

        // Signing cost at this size: appends with a checkpoint signed every second against one signed at most hourly
        // (so none during the run), both with the chain and tree growing; three runs each, interleaved.
        var hourly = new List<double>();
        var everySecond = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            hourly.Add(await AppendRate(true, compare, writers, checkpointSeconds: 3600));
            everySecond.Add(await AppendRate(true, compare, writers, checkpointSeconds: 1));
        }
        Console.WriteLine($"| appends at {await Count(connectionString)} events, chain on | checkpoint hourly {Median(hourly):F0} events/s ({string.Join(", ", hourly.Select(r => r.ToString("F0")))}) " +
                          $"| every second {Median(everySecond):F0} events/s ({string.Join(", ", everySecond.Select(r => r.ToString("F0")))}) | {Median(everySecond) / Median(hourly):P0} |");

        // The rebuild runs in a host without the chain's daemon, so one daemon works the store; three runs.
        var quiet = Host(false);
        await quiet.StartAsync();
        events = await Count(connectionString);
        using var daemon = await quiet.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync();
        for (var run = 1; run <= 3; run++)
        {
            var rebuild = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync("IdeaDetails", TimeSpan.FromMinutes(30), CancellationToken.None);
            rebuild.Stop();
            Console.WriteLine($"| rebuild IdeaDetails, run {run} | {events} events in the log | {rebuild.Elapsed.TotalSeconds:F1} s | {events / rebuild.Elapsed.TotalSeconds:F0} events/s |");
        }
        await quiet.StopAsync();
        return result.Valid ? 0 : 1;
    }

    private static WebApplication Host(bool chain, int checkpointSeconds = 5) => CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development",
        "--Logging:LogLevel:Default=Warning", $"--CoCreation:Audit:Chain={chain}", $"--CoCreation:Audit:CheckpointSeconds={checkpointSeconds}"]);

    private static async Task<double> AppendRate(bool chain, int events, int writers, int checkpointSeconds = 5)
    {
        var app = Host(chain, checkpointSeconds);
        await app.StartAsync();
        // With the chain, let it first catch up with what is already in the log, so only the run's own appends compete.
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!;
        while (chain && await ChainHead(connectionString) < await MaxSequence(connectionString)) await Task.Delay(200);
        var clock = Stopwatch.StartNew();
        await Append(app.Services.GetRequiredService<IDocumentStore>(), events, writers, eventsPerStream: 10);
        var rate = events / clock.Elapsed.TotalSeconds;
        await app.StopAsync();
        await app.DisposeAsync();
        return rate;
    }

    /// <summary>Appends ideas, each a submission followed by tallies, one stream per transaction.</summary>
    internal static async Task Append(IDocumentStore store, int events, int writers, int eventsPerStream)
    {
        var streams = events / eventsPerStream;
        var next = -1;
        var campaign = Guid.CreateVersion7();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < streams)
            {
                await using var session = store.LightweightSession();
                var id = Guid.CreateVersion7();
                var at = DateTimeOffset.UtcNow;
                var batch = new List<object> { new IdeaSubmitted(id, campaign, "Benchmark idea", "An idea with a long tally.", ["bench"], "member", at) };
                for (var i = 1; i < eventsPerStream; i++) batch.Add(new IdeaSupportersCounted(id, campaign, i, i, at));
                session.Events.StartStream<Idea>(id, batch.ToArray());
                await session.SaveChangesAsync();
            }
        }));
    }

    private static double Median(List<double> rates) => rates.Order().ElementAt(rates.Count / 2);

    /// <summary>
    /// Turns the append seal's trigger off or on; turning it on seals what was appended while it was off, so the chain
    /// (which would rightly call an unsealed event after sealing began an insertion behind its back) links them as usual.
    /// </summary>
    private static async Task Sealing(string connectionString, bool on)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var toggle = data.CreateCommand($"alter table events.mt_events {(on ? "enable" : "disable")} trigger {AppendSeal.TriggerName}");
        await toggle.ExecuteNonQueryAsync();
        if (!on) return;
        await using var backfill = data.CreateCommand(
            $"insert into audit.event_seals (seq_id, seal, sealed_at) select e.seq_id, {AppendSeal.Of("e")}, clock_timestamp() from events.mt_events e " +
            "where not exists (select 1 from audit.event_seals s where s.seq_id = e.seq_id)");
        backfill.CommandTimeout = 600;
        await backfill.ExecuteNonQueryAsync();
    }

    private static Task<long> ChainHead(string c) => BenchDatabase.Scalar(c, "select coalesce(max(seq_id), 0) from audit.event_chain");

}
