using static CoCreation.Benchmarks.BenchDatabase;
using System.Diagnostics;
using CoCreation.Host;
using CoCreation.Host.ReadModels;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.Benchmarks;

/// <summary>
/// How fast Ideation's <c>IdeaDetails</c> is rebuilt from a log of about a million events, three runs, with what bounds
/// it: the time PostgreSQL takes to hand the rows over, and the time to read and deserialize them in .NET.
/// </summary>
public static class RebuildBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var total = Options.Int(args, "--events", 1_000_000);
        var runs = Options.Int(args, "--runs", 3);
        var perStream = Options.Int(args, "--per-stream", 10);
        var daemonRuns = Options.Int(args, "--daemon-runs", runs);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!;

        await using (var loader = Host())
        {
            await loader.StartAsync();
            var bulk = Stopwatch.StartNew();
            await AuditBenchmark.Append(loader.Services.GetRequiredService<IDocumentStore>(), (int)Math.Max(0, total - await Count(connectionString)), 4, perStream);
            Console.WriteLine($"Loaded to {await Count(connectionString)} events in {bulk.Elapsed.TotalSeconds:F0} s.");
            await loader.StopAsync();
        }
        await Execute(connectionString, "vacuum analyze events.mt_events");
        var events = await Count(connectionString);

        // The floor: the rows the rebuild reads, handed over by PostgreSQL and read as text, without deserializing.
        var scan = Stopwatch.StartNew();
        await using (var data = NpgsqlDataSource.Create(connectionString))
        await using (var command = data.CreateCommand("select seq_id, id, stream_id, version, data, type, timestamp, headers from events.mt_events order by seq_id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            long bytes = 0;
            while (await reader.ReadAsync()) bytes += reader.GetString(4).Length + (reader.IsDBNull(7) ? 0 : reader.GetString(7).Length);
            scan.Stop();
            Console.WriteLine($"| read the log's rows as text | {events} events | {scan.Elapsed.TotalSeconds:F1} s | {events / scan.Elapsed.TotalSeconds:F0} events/s | {bytes / 1_048_576} MiB of JSON |");
        }

        var quiet = Host();
        await quiet.StartAsync();
        var store = quiet.Services.GetRequiredService<IDocumentStore>();
        // The second floor: the same rows read and deserialized by Marten's event reader, in the rebuild's pages.
        for (var pass = 1; pass <= 2; pass++)
        {
            var read = Stopwatch.StartNew();
            var last = await MaxSequence(connectionString);
            long seen = 0;
            await using var session = store.QuerySession();
            for (long floor = 0; floor < last; floor += 5_000)
            {
                var from = floor;
                seen += (await session.Events.QueryAllRawEvents().Where(e => e.Sequence > from && e.Sequence <= from + 5_000).ToListAsync()).Count;
            }
            read.Stop();
            Console.WriteLine($"| read the log through Marten's event reader, pass {pass} | {seen} events | {read.Elapsed.TotalSeconds:F1} s | {seen / read.Elapsed.TotalSeconds:F0} events/s |");
        }

        using var daemon = await store.BuildProjectionDaemonAsync();
        var rates = new List<double>();
        for (var run = 1; run <= daemonRuns; run++)
        {
            var rebuild = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync("IdeaDetails", TimeSpan.FromMinutes(30), CancellationToken.None);
            rebuild.Stop();
            rates.Add(events / rebuild.Elapsed.TotalSeconds);
            Console.WriteLine($"| rebuild IdeaDetails, run {run} | {events} events | {rebuild.Elapsed.TotalSeconds:F1} s | {rates[^1]:F0} events/s |");
        }
        if (rates.Count > 0) Console.WriteLine($"| Marten's daemon rebuild, {rates.Count} runs | slowest {rates.Min():F0} events/s | fastest {rates.Max():F0} events/s |");

        var fold = quiet.Services.GetRequiredService<StreamFoldRebuild>();
        var folds = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await fold.Rebuild("IdeaDetails", CancellationToken.None);
            folds.Add(events / result.Elapsed.TotalSeconds);
            Console.WriteLine($"| read-models rebuild IdeaDetails, run {run} | {events} events in the log, {result.Events} read, {result.Documents} documents | {result.Elapsed.TotalSeconds:F1} s (reading and folding {result.Reading.TotalSeconds:F1} s) | {folds[^1]:F0} events/s |");
        }
        Console.WriteLine($"| read-models rebuild, {runs} runs | slowest {folds.Min():F0} events/s | fastest {folds.Max():F0} events/s |");
        await quiet.StopAsync();
        return 0;
    }

    private static WebApplication Host() => CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development",
        "--Logging:LogLevel:Default=Warning", "--CoCreation:Audit:Chain=false"]);
}
