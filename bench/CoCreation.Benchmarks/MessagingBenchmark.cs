using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CoCreation.BuildingBlocks.Diagnostics;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Host;
using CoCreation.Host.Infrastructure;
using CoCreation.Ideation.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace CoCreation.Benchmarks;

/// <summary>
/// Per-handler local queues against one local queue per module (docs/adr/0023): for each mode a fresh database and host, then K
/// campaigns played at once through HTTP, each opened and at once given ideas, which are approved and voted for, so that
/// Moderation, Voting, Rewards, IntellectualProperty and Insights consume each other's facts right after the campaign opens.
/// Reports the FactNotYetKnown count (read in-process from the meter), the time from an idea's submission until it is published
/// with its ballot open, the time until a campaign's votes are counted by Ideation, and the run's total time.
/// </summary>
public static class MessagingBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var campaigns = Options.Int(args, "--campaigns", 20);
        var ideas = Options.Int(args, "--ideas", 5);
        var votes = Options.Int(args, "--votes", 10);
        var rounds = Options.Int(args, "--rounds", 1);
        var baseConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                             ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: use bench/run.sh.");

        var modeIndex = Array.IndexOf(args, "--mode");
        var mode = modeIndex >= 0 && modeIndex + 1 < args.Length ? args[modeIndex + 1] : "both";
        bool[] modes = mode switch { "handler" => [false], "module" => [true], _ => [false, true] };
        var results = new List<ModeResult>();
        for (var round = 1; round <= rounds; round++)
            foreach (var perModule in modes)
                results.Add(await RunMode(baseConnection, perModule, round, campaigns, ideas, votes));

        Console.WriteLine();
        Console.WriteLine($"{campaigns} campaigns at once x {ideas} ideas x {votes} votes; {Environment.ProcessorCount} cores; a fresh database and host per run.");
        Console.WriteLine("| run | queues | FactNotYetKnown (by module) | submitted → published + ballot open p50 / p95 / max ms | votes counted p50 / p95 ms | total s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Round} | {(r.PerModule ? "one per module" : "one per handler")} | {r.FactsNotYetKnown} ({r.ByModule}) | " +
                              $"{r.Ready.Percentile(50):F0} / {r.Ready.Percentile(95):F0} / {r.Ready.Percentile(100):F0} | " +
                              $"{r.Counted.Percentile(50):F0} / {r.Counted.Percentile(95):F0} | {r.Total.TotalSeconds:F1} |");
        return results.All(r => r.Complete) ? 0 : 1;
    }

    private sealed record ModeResult(int Round, bool PerModule, long FactsNotYetKnown, string ByModule, Latency Ready, Latency Counted, TimeSpan Total, bool Complete);

    private static async Task<ModeResult> RunMode(string baseConnection, bool perModule, int round, int campaignCount, int ideaCount, int voteCount)
    {
        var database = $"cocreation_bench_messaging_{(perModule ? "module" : "handler")}";
        await using (var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(baseConnection) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await using (var drop = admin.CreateCommand($"drop database if exists {database} with (force)")) await drop.ExecuteNonQueryAsync();
            await using (var create = admin.CreateCommand($"create database {database}")) await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = database }.ConnectionString;

        var byModule = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CoCreationMetrics.MeterName && instrument.Name == CoCreationMetrics.FactsNotYetKnownName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var module = "?";
            foreach (var tag in tags) if (tag.Key == "module") module = tag.Value?.ToString() ?? "?";
            byModule.AddOrUpdate(module, value, (_, sum) => sum + value);
        });
        listener.Start();

        var app = CoCreationHost.Build(["--urls=http://127.0.0.1:0", "--environment=Development", "--Logging:LogLevel:Default=Warning",
            "--CoCreation:HandlerCodeMode=Dynamic", $"--ConnectionStrings:Postgres={connection}", $"--{ModuleQueue.OptionKey}={perModule}"]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
                { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            var jwt = app.Services.GetRequiredService<JwtSettings>();
            string Token(string user, string role) => Authentication.IssueToken(jwt, user, user, [role], DateTimeOffset.UtcNow);
            Console.WriteLine($"Round {round}, {(perModule ? "one queue per module" : "one queue per handler")}: CampaignOpenedIntegrationEvent goes to " +
                              string.Join(", ", Destinations(app.Services, typeof(CampaignOpenedIntegrationEvent))));

            if (Environment.GetEnvironmentVariable("BENCH_ROUTES") == "1")
                foreach (var type in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name!.EndsWith(".Contracts"))
                             .SelectMany(a => a.GetExportedTypes()).Where(t => t.Name.EndsWith("IntegrationEvent")).OrderBy(t => t.Name))
                    Console.WriteLine($"  {type.Name} -> {string.Join(", ", Destinations(app.Services, type))}");
            var play = new Play(http, Token);
            var authors = await play.AuthorsWithAgreement(20);
            byModule.Clear();
            var ready = new Latency("ready");
            var counted = new Latency("counted");
            var clock = Stopwatch.StartNew();
            var complete = await Task.WhenAll(Enumerable.Range(0, campaignCount).Select(c => play.Campaign(c, authors, ideaCount, voteCount, ready, counted)));
            var total = clock.Elapsed;
            // Retries already scheduled still throw after the last answer; a short wait lets the quick ones land in the count.
            await Task.Delay(TimeSpan.FromSeconds(2));
            listener.RecordObservableInstruments();
            var sum = byModule.Values.Sum();
            var modules = string.Join(", ", byModule.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"));
            Console.WriteLine($"  {sum} FactNotYetKnown ({modules}); ready p50 {ready.Percentile(50):F0} ms, p95 {ready.Percentile(95):F0} ms; total {total.TotalSeconds:F1} s");
            return new ModeResult(round, perModule, sum, modules.Length == 0 ? "none" : modules, ready, counted, total, complete.All(ok => ok));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The local queues a message of that type is sent to (the type alone decides: the message is an empty instance).</summary>
    private static IEnumerable<string> Destinations(IServiceProvider services, Type messageType)
    {
        using var scope = services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        return bus.PreviewSubscriptions(RuntimeHelpers.GetUninitializedObject(messageType)).Select(e => e.Destination?.ToString() ?? "?").Order();
    }

    private sealed class Play(HttpClient http, Func<string, string, string> token)
    {
        private readonly string _brand = token("bench-brand", "brand");
        private readonly string _legal = token("bench-legal", "legal");
        private readonly string _moderator = token("bench-moderator", "moderator");

        public async Task<string[]> AuthorsWithAgreement(int count)
        {
            var version = $"bench-{Guid.NewGuid():N}"[..14];
            await Call(HttpMethod.Post, "/api/ip/agreements", _legal, new { version, text = "Benchmark contribution agreement." });
            var authors = Enumerable.Range(0, count).Select(i => token($"bench-author-{i}", "participant")).ToArray();
            foreach (var author in authors) await Call(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", author);
            // Ideation learns of the acceptances from IntellectualProperty's messages: wait until the last author may submit.
            var probe = (await Call(HttpMethod.Post, "/api/campaigns", _brand, new { title = "Probe", brief = "Agreement known?" })).GetProperty("id").GetGuid();
            await Call(HttpMethod.Post, $"/api/campaigns/{probe}/open", _brand);
            while ((await Send(HttpMethod.Post, $"/api/campaigns/{probe}/ideas", authors[^1], new { title = "Probe idea", description = "Probe.", tags = new[] { "bench" } })).Status
                   != HttpStatusCode.Created)
                await Task.Delay(100);
            return authors;
        }

        public async Task<bool> Campaign(int index, string[] authors, int ideaCount, int voteCount, Latency ready, Latency counted)
        {
            var campaign = (await Call(HttpMethod.Post, "/api/campaigns", _brand, new { title = $"Messaging campaign {index}", brief = "Facts in order." }))
                .GetProperty("id").GetGuid();
            await Call(HttpMethod.Post, $"/api/campaigns/{campaign}/open", _brand);
            // Ideas at once: Moderation, Voting, Rewards and IntellectualProperty are still taking the campaign's opening in.
            var submitted = new Dictionary<Guid, long>();
            for (var i = 0; i < ideaCount; i++)
            {
                var at = Stopwatch.GetTimestamp();
                var id = (await Call(HttpMethod.Post, $"/api/campaigns/{campaign}/ideas", authors[(index * ideaCount + i) % authors.Length],
                    new { title = $"Messaging idea {index}-{i}", description = "An idea to approve and vote for.", tags = new[] { "bench" } })).GetProperty("id").GetGuid();
                submitted[id] = at;
            }

            var deadline = Stopwatch.StartNew();
            var pending = submitted.Keys.ToHashSet();
            while (pending.Count > 0 && deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                var queue = await Call(HttpMethod.Get, "/api/moderation/queue", _moderator);
                foreach (var item in queue.EnumerateArray().Where(q => pending.Contains(q.GetProperty("subjectId").GetGuid())).ToList())
                {
                    await Call(HttpMethod.Post, $"/api/moderation/items/{item.GetProperty("id").GetGuid()}/decision", _moderator, new { decision = "Approve" });
                    pending.Remove(item.GetProperty("subjectId").GetGuid());
                }
                if (pending.Count > 0) await Task.Delay(100);
            }

            var waiting = submitted.Keys.ToHashSet();
            while (waiting.Count > 0 && deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                foreach (var id in waiting.ToList())
                    if (await Published(id) && (await Send(HttpMethod.Get, $"/api/ideas/{id}/tally", null)).Status == HttpStatusCode.OK)
                    {
                        ready.Record(Stopwatch.GetElapsedTime(submitted[id]).TotalMilliseconds);
                        waiting.Remove(id);
                    }
                if (waiting.Count > 0) await Task.Delay(50);
            }
            if (waiting.Count > 0) { Console.Error.WriteLine($"campaign {index}: {waiting.Count} ideas never became ready"); return false; }

            var ideas = submitted.Keys.ToArray();
            var castAt = Stopwatch.GetTimestamp();
            for (var v = 0; v < voteCount; v++)
            {
                var (status, text) = await Send(HttpMethod.Post, $"/api/ideas/{ideas[v % ideas.Length]}/votes", token($"bench-voter-{index}-{v}", "participant"), new { });
                if (status != HttpStatusCode.Created) Console.Error.WriteLine($"vote refused: {(int)status} {text}");
            }
            while (deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                var supporters = 0;
                foreach (var id in ideas) supporters += JsonDocument.Parse((await Send(HttpMethod.Get, $"/api/ideas/{id}", null)).Text).RootElement.GetProperty("supporters").GetInt32();
                if (supporters >= voteCount) { counted.Record(Stopwatch.GetElapsedTime(castAt).TotalMilliseconds); return true; }
                await Task.Delay(50);
            }
            Console.Error.WriteLine($"campaign {index}: votes never counted by Ideation");
            return false;
        }

        private async Task<bool> Published(Guid id)
        {
            var (status, text) = await Send(HttpMethod.Get, $"/api/ideas/{id}", null);
            if (status != HttpStatusCode.OK) return false;
            var value = JsonDocument.Parse(text).RootElement.GetProperty("status");
            return value.ValueKind == JsonValueKind.String ? value.GetString() == "Published" : value.GetInt32() == 1;
        }

        private async Task<JsonElement> Call(HttpMethod method, string path, string bearer, object? body = null)
        {
            var (status, text) = await Send(method, path, bearer, body);
            if ((int)status >= 300) throw new InvalidOperationException($"{method} {path}: {(int)status} {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }

        private async Task<(HttpStatusCode Status, string Text)> Send(HttpMethod method, string path, string? bearer, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
