using System.Diagnostics;
using System.Net;
using System.Text.Json;
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
        Assert.True(before.GetProperty("events").GetInt64() >= submitted);
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

            var (code, output) = await Cli("audit", "verify");
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
        var (ok, text) = await Cli("audit", "verify");
        Assert.True(ok == 0, text);
        Assert.Contains("valid: true", text);
    }

    private static async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoCreation.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The CLI reads the host's configuration; outside Development that includes a real signing key.
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
