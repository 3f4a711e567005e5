using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Host;
using CoCreation.Host.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.Benchmarks;

/// <summary>
/// Write throughput of votes, in one run against one PostgreSQL: (a) raw Npgsql single-row INSERT transactions,
/// (b) POST /api/ideas/{id}/votes through Kestrel, JWT auth, Wolverine and the Marten event store, with every
/// 201 sent after its event committed; (b) on one hot idea and spread over many ideas. Same client count for all.
/// </summary>
public static class VoteBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var clients = Options.Int(args, "--clients", 64);
        var votes = Options.Int(args, "--votes", 30_000);
        var ideaCount = Options.Int(args, "--ideas", 1_000);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                               ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: use bench/run.sh.");

        var app = await BenchHost.Start("--CoCreation:HandlerCodeMode=Dynamic");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            { BaseAddress = BenchHost.Address(app), Timeout = TimeSpan.FromMinutes(2) };
        var Token = BenchHost.Tokens(app);

        var setup = Stopwatch.StartNew();
        var (_, ideas) = await BenchCampaign.WithPublishedIdeas(http, Token, ideaCount, [new { supporters = 10_000_000, withinDays = 365 }]);
        Console.WriteLine($"Set up a campaign with {ideas.Length} published ideas through the API in {setup.Elapsed.TotalSeconds:F1} s.");

        var raw = await RawInserts(connectionString, clients, votes);
        // Warm-up: JIT, handler code, connection pools.
        await HttpVotes(http, Token, "warmup", [ideas[^1]], clients, 2_000);
        var loadFrom = await BenchDatabase.MaxSequence(connectionString);
        var hot = await HttpVotes(http, Token, "hot", [ideas[0]], clients, votes);
        var spread = await HttpVotes(http, Token, "spread", ideas, clients, votes);

        var catchUp = Stopwatch.StartNew();
        var expected = hot.Ok;
        while (catchUp.Elapsed < TimeSpan.FromMinutes(5))
        {
            var idea = JsonDocument.Parse(await http.GetStringAsync($"/api/ideas/{ideas[0]}")).RootElement;
            if (idea.GetProperty("supporters").GetInt32() >= expected) break;
            await Task.Delay(200);
        }

        Console.WriteLine();
        Console.WriteLine($"{clients} concurrent clients, {votes} requests per run, PostgreSQL: {await Settings(connectionString)}");
        Console.WriteLine("| run | ok | refused | elapsed s | per second | p50 ms | p99 ms | vs (a) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var run in new[] { raw, hot, spread })
            Console.WriteLine($"| {run.Name} | {run.Ok} | {run.Refused} | {run.Elapsed.TotalSeconds:F1} | {run.PerSecond:F0} | {run.Latency.Percentile(50):F1} | {run.Latency.Percentile(99):F1} | {run.PerSecond / raw.PerSecond:F2}x |");
        Console.WriteLine($"Ideation's supporter count of the hot idea caught up {catchUp.Elapsed.TotalSeconds:F1} s after the spread run ended.");
        Console.WriteLine(await ChainLag(connectionString, loadFrom));
        await app.StopAsync();
        return hot.Refused + spread.Refused == 0 ? 0 : 1;
    }

    /// <summary>The audit chain's lag (append seal to link, docs/adr/0024) over the events the hot and spread runs appended, once linked.</summary>
    private static async Task<string> ChainLag(string connectionString, long from)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var until = await BenchDatabase.MaxSequence(connectionString);
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var head = dataSource.CreateCommand("select coalesce(max(seq_id), 0) from audit.event_chain");
            if ((long)(await head.ExecuteScalarAsync())! >= until) break;
            await Task.Delay(200);
        }
        await using var lag = dataSource.CreateCommand(
            "select count(*), percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms) from (" +
            "select extract(epoch from chained_at - sealed_at) * 1000 as ms from audit.event_chain where seq_id > $1 and seq_id <= $2 and sealed_at is not null) l");
        lag.Parameters.Add(new() { Value = from });
        lag.Parameters.Add(new() { Value = until });
        await using var r = await lag.ExecuteReaderAsync();
        await r.ReadAsync();
        return r.GetInt64(0) == 0
            ? "The chain linked none of the runs' events (is CoCreation:Audit:Chain on?)."
            : $"Audit chain lag (append to link) over the runs' {r.GetInt64(0)} events: p50 {r.GetDouble(1):F0} ms, p99 {r.GetDouble(2):F0} ms, max {Convert.ToDouble(r.GetValue(3)):F0} ms.";
    }

    private sealed record RunResult(string Name, int Ok, int Refused, TimeSpan Elapsed, Latency Latency)
    {
        public double PerSecond => Ok / Elapsed.TotalSeconds;
    }

    private static async Task<RunResult> RawInserts(string connectionString, int clients, int total)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = clients + 4 }.ConnectionString);
        await using (var create = dataSource.CreateCommand(
            "drop table if exists bench_raw_vote; create table bench_raw_vote (id uuid primary key, idea_id uuid not null, voter text not null, cast_at timestamptz not null)"))
            await create.ExecuteNonQueryAsync();
        var idea = Guid.CreateVersion7();
        var next = 0;
        var latencies = Enumerable.Range(0, clients).Select(i => new Latency($"raw-{i}")).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            while (Interlocked.Increment(ref next) <= total)
            {
                await using var insert = new NpgsqlCommand("insert into bench_raw_vote (id, idea_id, voter, cast_at) values ($1, $2, $3, $4)", connection)
                {
                    Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = idea }, new() { Value = $"voter-{c}-{next}" }, new() { Value = DateTimeOffset.UtcNow } }
                };
                await latencies[c].Time(() => insert.ExecuteNonQueryAsync());
            }
        }));
        var elapsed = clock.Elapsed;
        var merged = new Latency("raw");
        foreach (var l in latencies) merged.Absorb(l);
        return new RunResult("(a) raw Npgsql INSERT, autocommit", total, 0, elapsed, merged);
    }

    private static async Task<RunResult> HttpVotes(HttpClient http, Func<string, string, string> token, string name, Guid[] ideas, int clients, int total)
    {
        // Tokens made beforehand so the load generator spends its CPU on requests; one voter per vote.
        var runId = Guid.NewGuid().ToString("N")[..6];
        var tokens = Enumerable.Range(0, total).Select(i => token($"{name}-{runId}-{i}", "participant")).ToArray();
        var body = JsonContent.Create(new { });
        await body.LoadIntoBufferAsync();
        var next = -1;
        var refused = 0;
        var latencies = Enumerable.Range(0, clients).Select(i => new Latency($"{name}-{i}")).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ideas/{ideas[i % ideas.Length]}/votes") { Content = JsonContent.Create(new { }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]);
                using var response = await latencies[c].Time(() => http.SendAsync(request));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    if (Interlocked.Increment(ref refused) <= 3)
                        Console.Error.WriteLine($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var merged = new Latency(name);
        foreach (var l in latencies) merged.Absorb(l);
        var label = name == "hot" ? "(b) HTTP votes, 1 hot idea" : $"(b) HTTP votes, spread over {ideas.Length} ideas";
        return new RunResult(label, total - refused, refused, elapsed, merged);
    }

    /// <summary>A campaign whose ladder no run can finish, and its ideas, each submitted, screened and published through the API.</summary>
    private static async Task<string> Settings(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var values = new List<string>();
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes" })
        {
            await using var show = dataSource.CreateCommand($"show {setting}");
            values.Add($"{setting}={await show.ExecuteScalarAsync()}");
        }
        return string.Join(", ", values);
    }
}
