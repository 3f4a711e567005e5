using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class AuditTests(PlatformFixture platform)
{
    private async Task<List<JsonElement>> History(Guid campaignId, string token, long after = 0, int limit = 1000) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?after={after}&limit={limit}", token)))
        .EnumerateArray().Select(e => e.Clone()).ToList();

    [Fact]
    public async Task A_campaigns_history_spans_the_modules_in_global_order_and_pages_by_sequence()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { })).StatusCode);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");

        var all = await PlatformFixture.Eventually(async () =>
        {
            var events = await History(campaignId, legal);
            return events.Select(e => e.GetProperty("module").GetString()).Distinct().Count() >= 5 ? events : null;
        }, "events of five modules in the campaign's history");
        var sequences = all.Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(["Ideation", "IntellectualProperty", "Moderation", "Rewards", "Voting"],
            all.Select(e => e.GetProperty("module").GetString()).Distinct().Order());
        Assert.All(all, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actor").GetString())));
        Assert.Equal("campaign_created", all[0].GetProperty("type").GetString());

        var first = await History(campaignId, legal, 0, 3);
        var second = await History(campaignId, legal, first[^1].GetProperty("seq").GetInt64(), 3);
        Assert.Equal(sequences.Take(6), first.Concat(second).Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history", s.BrandToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history", voter)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=0", legal)).StatusCode);
    }

    [Fact]
    public async Task The_hash_chain_finds_a_row_changed_behind_the_applications_back_and_the_cli_agrees()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var (ideaId, _) = await s.SubmitIdea(campaignId);
        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");
        var submitted = (await History(campaignId, await platform.TokenFor(PlatformFixture.Unique("legal"), "legal"))).Single(e => e.GetProperty("type").GetString() == "idea_submitted").GetProperty("seq").GetInt64();

        var verified = await PlatformFixture.Eventually(async () =>
        {
            var result = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/audit/verify", admin));
            return result.GetProperty("headSeq") is { ValueKind: JsonValueKind.Number } head && head.GetInt64() >= submitted ? result.GetRawText() : null;
        }, "the chain to cover the new events");
        var before = JsonDocument.Parse(verified).RootElement;
        Assert.True(before.GetProperty("valid").GetBoolean(), before.GetRawText());
        Assert.True(before.GetProperty("events").GetInt64() > 0); // not one per sequence number: rolled-back appends leave gaps
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, "/api/audit/verify", s.BrandToken)).StatusCode);

        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        await using var read = db.CreateCommand($"select data::text from events.mt_events where seq_id = {submitted}");
        var original = (string)(await read.ExecuteScalarAsync())!;
        try
        {
            await using (var tamper = db.CreateCommand($"update events.mt_events set data = jsonb_set(data, '{{Title}}', '\"A title nobody wrote\"') where seq_id = {submitted}"))
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            var after = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/audit/verify", admin));
            Assert.False(after.GetProperty("valid").GetBoolean());
            Assert.Equal(submitted, after.GetProperty("firstBrokenSeq").GetInt64());
            Assert.Contains("changed", after.GetProperty("problem").GetString());

            var (code, output) = await PlatformFixture.RunHostCli("audit", "verify");
            Assert.True(code == 1, output);
            Assert.Contains($"first broken sequence: {submitted}", output);
        }
        finally
        {
            await using var restore = db.CreateCommand($"update events.mt_events set data = $1::jsonb where seq_id = {submitted}");
            restore.Parameters.Add(new() { Value = original });
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/audit/verify", admin))).GetProperty("valid").GetBoolean());
        var (ok, text) = await PlatformFixture.RunHostCli("audit", "verify");
        Assert.True(ok == 0, text);
        Assert.Contains("valid: true", text);
    }

    [Fact]
    public async Task The_state_at_an_instant_equals_what_the_live_read_models_answered_then()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var clock = platform.App.Services.GetRequiredService<CoCreation.BuildingBlocks.Time.AppClock>();
        var voters = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => platform.TokenFor(PlatformFixture.Unique("voter"), "participant")));

        // What the live read models answer now, once Ideation and Rewards have caught up with Voting.
        async Task<(DateTimeOffset At, string Ideas, string Board)> Live(params (Guid Idea, int Supporters)[] expected)
        {
            foreach (var (idea, supporters) in expected)
                await PlatformFixture.Eventually(async () => (await s.Idea(idea)).GetProperty("supporters").GetInt32() == supporters ? "counted" : null, "the live count");
            await Task.Delay(300);
            var list = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?pageSize=100", s.BrandToken));
            var ideas = string.Join(";", list.GetProperty("items").EnumerateArray()
                .Select(i => $"{i.GetProperty("id").GetGuid()}:{i.GetProperty("status").GetString()}:{i.GetProperty("supporters").GetInt32()}").Order());
            var board = string.Join(";", (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/leaderboard")))
                .EnumerateArray().Select(e => $"{e.GetProperty("userId").GetString()}={e.GetProperty("points").GetInt32()}").Order());
            var at = clock.GetUtcNow();
            await Task.Delay(50);
            return (at, ideas, board);
        }

        var first = await s.PublishedIdea(campaignId);
        await platform.Send(HttpMethod.Post, $"/api/ideas/{first}/votes", voters[0], new { });
        var t1 = await Live((first, 1));
        var (second, _) = await s.SubmitIdea(campaignId);
        foreach (var voter in voters[1..]) await platform.Send(HttpMethod.Post, $"/api/ideas/{first}/votes", voter, new { });
        var t2 = await Live((first, 4));
        await s.Publish(second);
        await platform.Send(HttpMethod.Post, $"/api/ideas/{second}/votes", voters[0], new { });
        await platform.Send(HttpMethod.Delete, $"/api/ideas/{first}/votes/mine", voters[0]);
        var t3 = await Live((first, 3), (second, 1));

        foreach (var (at, ideas, board) in new[] { t1, t2, t3 })
        {
            var state = await PlatformFixture.Json(await platform.Send(HttpMethod.Get,
                $"/api/campaigns/{campaignId}/state?at={Uri.EscapeDataString(at.ToString("O"))}", legal));
            Assert.Equal(ideas, string.Join(";", state.GetProperty("ideas").EnumerateArray()
                .Select(i => $"{i.GetProperty("id").GetGuid()}:{i.GetProperty("status").GetString()}:{i.GetProperty("supporters").GetInt32()}").Order()));
            Assert.Equal(board, string.Join(";", state.GetProperty("leaderboard").EnumerateArray()
                .Select(e => $"{e.GetProperty("userId").GetString()}={e.GetProperty("points").GetInt32()}").Order()));
        }
        Assert.NotEqual(t1.Ideas, t3.Ideas);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/state?at=yesterday", legal)).StatusCode);
        var withOffset = Uri.EscapeDataString(t3.At.ToOffset(TimeSpan.FromHours(2)).ToString("O"));
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/state?at={withOffset}", legal)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{Guid.NewGuid()}/state", legal)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{Guid.NewGuid()}/history", legal)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/campaigns", s.BrandToken, new
        {
            title = "Too rich", brief = "A prize no one can pay.", rewards = new { prize = new { amount = 1e17m, currency = "EUR" } }
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/state", voters[0])).StatusCode);
    }

    [Fact]
    public async Task Rebuilding_every_read_model_from_the_log_gives_the_live_ones_back()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { });
        await PlatformFixture.Eventually(async () => (await s.Idea(ideaId)).GetProperty("supporters").GetInt32() == 1 ? "quiet" : null, "the modules to settle");
        await Task.Delay(1000);
        // Every module's read models, whatever schema they live in (Insights' included), not a list of modules.
        var store = platform.App.Services.GetRequiredService<Marten.IDocumentStore>();
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(store, TimeSpan.FromSeconds(30));
        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        var tables = new List<string>();
        await using (var list = db.CreateCommand("select schemaname || '.' || tablename from pg_tables where tablename like 'mt_doc_%' " +
                         "and schemaname not in ('pg_catalog', 'information_schema') order by 1"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        async Task<Dictionary<string, string>> Snapshot()
        {
            var rows = new Dictionary<string, string>();
            foreach (var table in tables)
            {
                await using var command = db.CreateCommand($"select id::text, data::text from {table}");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) rows[$"{table}/{reader.GetString(0)}"] = reader.GetString(1);
            }
            return rows;
        }
        var before = await Snapshot();

        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in ((Marten.StoreOptions)store.Options).Projections.All.Select(p => p.Name).Distinct())
            await daemon.RebuildProjectionAsync(name, CancellationToken.None);

        var after = await Snapshot();
        Assert.True(tables.Count >= 10, $"read model tables: {string.Join(", ", tables)}");
        Assert.Contains(tables, t => t.StartsWith("insights.", StringComparison.Ordinal));
        Assert.Equal(before.Count, after.Count);
        foreach (var (key, json) in before)
            Assert.True(after.TryGetValue(key, out var rebuilt) && CoCreation.BuildingBlocks.Canonical.CanonicalJson.Of(rebuilt) == CoCreation.BuildingBlocks.Canonical.CanonicalJson.Of(json),
                $"{key} differs after the rebuild");
    }

    [Fact]
    public async Task Erasure_leaves_no_readable_words_of_the_member_yet_hashes_provenance_and_the_chain_verify()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var member = PlatformFixture.Unique("erasable");
        var token = await platform.TokenFor(member, "participant");
        await platform.AcceptAgreement(token);
        var submitted = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token,
            new { title = "Zorblax secret lighthouse", description = "A design only Zorblax knows.", tags = new[] { "zorblax" } });
        var ideaId = (await PlatformFixture.Json(submitted)).GetProperty("id").GetGuid();
        await s.Publish(ideaId);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", token, new { text = "A private zorblax remark" })).StatusCode);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");
        var hashBefore = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal)))
            .GetProperty("contributions")[0].GetProperty("contentHash").GetString();
        var last = (await History(campaignId, legal)).Max(e => e.GetProperty("seq").GetInt64());
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/audit/verify", admin))).GetProperty("headSeq") is { ValueKind: JsonValueKind.Number } h
            && h.GetInt64() >= last ? "chained" : null, "the chain to cover the member's events");

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Delete, $"/api/members/{member}/personal-data", legal)).StatusCode);
        var erased = await platform.Send(HttpMethod.Delete, $"/api/members/{member}/personal-data", admin);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.True((await PlatformFixture.Json(erased)).GetProperty("eventsMasked").GetInt32() >= 3);

        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        var tables = new List<string> { "events.mt_events" };
        await using (var list = db.CreateCommand("select schemaname || '.' || tablename from pg_tables where tablename like 'mt_doc_%' " +
                         "and schemaname in ('ideation','voting','moderation','ip','rewards')"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var search = db.CreateCommand($"select count(*) from {table} where lower(data::text) like '%zorblax%'");
            Assert.True((long)(await search.ExecuteScalarAsync())! == 0, $"{table} still holds the member's words");
        }
        Assert.Equal("[erased]", (await s.Idea(ideaId)).GetProperty("title").GetString());
        Assert.Equal("[erased]", (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments", s.ModeratorToken)))[0].GetProperty("text").GetString());

        var verify = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/audit/verify", admin));
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.GetRawText());
        var provenance = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal));
        Assert.Equal(hashBefore, provenance.GetProperty("contributions")[0].GetProperty("contentHash").GetString());
        Assert.True(provenance.GetProperty("integrity").GetProperty("valid").GetBoolean());
        Assert.Contains(await History(campaignId, legal), e => e.GetProperty("type").GetString() == "idea_submitted");
    }
}
