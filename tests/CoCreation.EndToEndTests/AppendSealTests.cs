using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.Host;
using CoCreation.Ideation.Ideas;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>
/// An event changed in the window between its append and the chain linking it (docs/adr/0024, "Sealed at append"), on a
/// database of its own: a host without the chain appends, the row is changed, and a host with the chain then links it.
/// </summary>
public class AppendSealTests
{
    private const string Database = "cocreation_seal";

    [Fact]
    public async Task A_row_changed_before_the_chain_links_it_is_reported_as_tampering_not_absorbed()
    {
        var connectionString = await PlatformFixture.FreshDatabase(Database);
        long seq;
        await using (var appending = await Start(connectionString, chain: false))
        {
            var id = Guid.CreateVersion7();
            await using (var session = appending.App.Services.GetRequiredService<IDocumentStore>().LightweightSession())
            {
                session.Events.StartStream<Idea>(id, new IdeaSubmitted(id, Guid.CreateVersion7(), "A sealed idea", "Sealed at its append.", [], "member-1", DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }
            await using var db = NpgsqlDataSource.Create(connectionString);
            await using (var find = db.CreateCommand($"select seq_id from events.mt_events where stream_id = '{id}'"))
                seq = (long)(await find.ExecuteScalarAsync())!;
            await using (var sealRow = db.CreateCommand($"select count(*) from audit.event_seals where seq_id = {seq}"))
                Assert.Equal(1L, (long)(await sealRow.ExecuteScalarAsync())!);

            var before = await Verify(appending);
            Assert.True(before.GetProperty("valid").GetBoolean(), before.GetRawText());
            Assert.True(before.GetProperty("unchained").GetInt64() >= 1);

            await using (var tamper = db.CreateCommand($"update events.mt_events set data = jsonb_set(data, '{{Title}}', '\"A title nobody wrote\"') where seq_id = {seq}"))
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            // Not chained yet, yet found: the seal its append wrote no longer matches.
            var unchained = await Verify(appending);
            Assert.False(unchained.GetProperty("valid").GetBoolean());
            Assert.Equal(seq, unchained.GetProperty("firstBrokenSeq").GetInt64());
        }

        await using var chaining = await Start(connectionString, chain: true);
        var linked = await PlatformFixture.Eventually(async () =>
        {
            var result = await Verify(chaining);
            return result.GetProperty("headSeq") is { ValueKind: JsonValueKind.Number } head && head.GetInt64() >= seq ? result.GetRawText() : null;
        }, "the chain to link the changed event");
        var after = JsonDocument.Parse(linked).RootElement;
        Assert.False(after.GetProperty("valid").GetBoolean(), linked);
        Assert.Equal(seq, after.GetProperty("firstBrokenSeq").GetInt64());
        Assert.Contains("changed after its append and before the chain linked it", after.GetProperty("problem").GetString());
        Assert.True(after.GetProperty("lag").GetProperty("events").GetInt32() >= 1, linked);
    }

    [Fact]
    public async Task A_failed_append_leaves_every_event_sealed_and_the_chain_valid_and_infinite_times_are_sealed()
    {
        var connectionString = await PlatformFixture.FreshDatabase(Database);
        await using var host = await Start(connectionString, chain: true);
        var store = host.App.Services.GetRequiredService<IDocumentStore>();
        var eventId = Guid.NewGuid();
        await Append(store, eventId);
        // The same event id again breaks the unique index on event ids: the append fails after it took its sequence numbers.
        await Assert.ThrowsAnyAsync<Exception>(() => Append(store, eventId));
        var last = await Append(store, Guid.NewGuid());

        await using var db = NpgsqlDataSource.Create(connectionString);
        // Marten stamps the tombstones that fill such sequence numbers with an infinite time (seen in CI): the seal takes it.
        foreach (var time in new[] { "infinity", "-infinity" })
        {
            await using var seal = db.CreateCommand(
                $"select audit.event_seal(gen_random_uuid(), gen_random_uuid(), 1, 'tombstone', '*DEFAULT*', '{{}}'::jsonb, null, null, null, '{time}'::timestamptz)");
            Assert.Matches("^[0-9a-f]{64}$", (string)(await seal.ExecuteScalarAsync())!);
        }
        await using (var unsealed = db.CreateCommand("select count(*) from events.mt_events e where not exists (select 1 from audit.event_seals s where s.seq_id = e.seq_id)"))
            Assert.Equal(0L, (long)(await unsealed.ExecuteScalarAsync())!);
        var linked = await PlatformFixture.Eventually(async () =>
        {
            var result = await Verify(host);
            return result.GetProperty("headSeq") is { ValueKind: JsonValueKind.Number } head && head.GetInt64() >= last ? result.GetRawText() : null;
        }, "the chain to link the event after the failed append");
        Assert.True(JsonDocument.Parse(linked).RootElement.GetProperty("valid").GetBoolean(), linked);
    }

    private static async Task<long> Append(IDocumentStore store, Guid eventId)
    {
        await using var session = store.LightweightSession();
        var id = Guid.CreateVersion7();
        var action = session.Events.StartStream<Idea>(id, new IdeaSubmitted(id, Guid.CreateVersion7(), "An idea", "Appended.", [], "member-1", DateTimeOffset.UtcNow));
        action.Events[0].Id = eventId;
        await session.SaveChangesAsync();
        return action.Events[0].Sequence;
    }

    private static async Task<JsonElement> Verify(RunningHost host)
    {
        var token = await (await host.Http.PostAsJsonAsync("/api/dev/tokens", new { userId = "seal-admin", roles = new[] { "admin" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit/verify");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<RunningHost> Start(string connectionString, bool chain)
    {
        var app = CoCreationHost.Build([
            "--urls=http://127.0.0.1:0", "--environment=Development", "--Logging:LogLevel:Default=Warning", $"--CoCreation:Audit:Chain={chain}",
            $"--ConnectionStrings:Postgres={connectionString}"]);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) });
    }

    private sealed record RunningHost(WebApplication App, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
