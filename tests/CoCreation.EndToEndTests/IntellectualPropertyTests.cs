using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCreation.Voting.Contracts;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class IntellectualPropertyTests(PlatformFixture platform)
{
    /// <summary>A published idea with a co-author who accepted, and IntellectualProperty aware of both contributions.</summary>
    private async Task<(Scenario S, Guid CampaignId, Guid IdeaId, string CoAuthor, string CoToken)> CoAuthoredIdea()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var coAuthor = PlatformFixture.Unique("co");
        var coToken = await platform.TokenFor(coAuthor, "participant");
        await platform.AcceptAgreement(coToken);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = coAuthor })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", coToken)).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", s.AuthorToken))).GetProperty("shares").GetArrayLength() == 2 ? "both" : null,
            "IntellectualProperty to learn of the co-author");
        return (s, campaignId, ideaId, coAuthor, coToken);
    }

    [Fact]
    public async Task Shares_start_equal_and_a_proposed_split_holds_only_once_every_listed_contributor_confirmed()
    {
        var (s, _, ideaId, coAuthor, coToken) = await CoAuthoredIdea();
        var ownership = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", s.AuthorToken));
        Assert.Equal("equal", ownership.GetProperty("basis").GetString());
        Assert.All(ownership.GetProperty("shares").EnumerateArray(), share => Assert.Equal(50m, share.GetProperty("percent").GetDecimal()));

        var outsider = await platform.TokenFor(PlatformFixture.Unique("outsider"), "participant");
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", s.AuthorToken,
            new { shares = new[] { new { userId = s.Author, percent = 60.5m }, new { userId = coAuthor, percent = 40m } } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", s.AuthorToken,
            new { shares = new[] { new { userId = s.Author, percent = 60.555m }, new { userId = coAuthor, percent = 39.445m } } })).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", s.AuthorToken,
            new { shares = new[] { new { userId = s.Author, percent = 60m }, new { userId = "stranger", percent = 40m } } }), HttpStatusCode.Conflict, "not-a-contributor");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", outsider,
            new { shares = new[] { new { userId = s.Author, percent = 100m } } }), HttpStatusCode.Forbidden, "not-an-author");

        var proposed = await PlatformFixture.Json(await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", s.AuthorToken,
            new { shares = new[] { new { userId = s.Author, percent = 66.67m }, new { userId = coAuthor, percent = 33.33m } } }));
        Assert.Equal("equal", proposed.GetProperty("basis").GetString());
        Assert.Equal([coAuthor], proposed.GetProperty("awaitingConfirmation").EnumerateArray().Select(a => a.GetString()));
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/ownership/confirm", s.AuthorToken), HttpStatusCode.Conflict, "already-confirmed");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/ownership/confirm", outsider), HttpStatusCode.Forbidden, "not-listed");

        var confirmed = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/ownership/confirm", coToken));
        Assert.Equal(("confirmed", true), (confirmed.GetProperty("basis").GetString(), confirmed.GetProperty("confirmed").GetBoolean()));
        Assert.Equal([66.67m, 33.33m], confirmed.GetProperty("shares").EnumerateArray().Select(x => x.GetProperty("percent").GetDecimal()));

        // A new proposal does not change the split in force until it is confirmed too.
        await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", coToken,
            new { shares = new[] { new { userId = s.Author, percent = 10m }, new { userId = coAuthor, percent = 90m } } });
        var report = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", coToken));
        Assert.Equal([66.67m, 33.33m], report.GetProperty("ownership").GetProperty("shares").EnumerateArray().Select(x => x.GetProperty("percent").GetDecimal()));
        Assert.Equal(2, report.GetProperty("ownership").GetProperty("pending").GetProperty("shares").GetArrayLength());
        var contributions = report.GetProperty("contributions").EnumerateArray().ToList();
        Assert.Equal([s.Author, coAuthor], contributions.Select(c => c.GetProperty("contributor").GetString()));
        Assert.All(contributions, c => Assert.Equal(64, c.GetProperty("contentHash").GetString()!.Length));
        Assert.All(contributions, c => Assert.Equal(platform.AgreementVersion, c.GetProperty("agreementVersion").GetString()));
        Assert.True(report.GetProperty("integrity").GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", outsider)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance")).StatusCode);
    }

    [Fact]
    public async Task A_dispute_freezes_selection_upheld_hides_the_idea_and_selection_grants_the_licence_per_contributor()
    {
        var (s, campaignId, ideaId, coAuthor, _) = await CoAuthoredIdea();
        var claimant = await platform.TokenFor(PlatformFixture.Unique("rival"), "participant");
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        await platform.Publish(new MilestoneReachedIntegrationEvent(ideaId, campaignId, 0, 100, true, [s.Author, coAuthor], DateTimeOffset.UtcNow));
        await s.AwaitStatus(ideaId, "UnderReview");

        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/disputes", claimant, new { claim = "prior art" })).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/disputes", s.AuthorToken,
            new { claim = "prior art", evidence = "mine" }), HttpStatusCode.Conflict, "own-idea");
        var opened = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/disputes", claimant,
            new { claim = "Prior art: my 2019 harbour MOC", evidence = "https://example.org/moc/1234 published 2019-05-02" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var disputeId = (await PlatformFixture.Json(opened)).GetProperty("id").GetGuid();
        await PlatformFixture.Eventually(async () => (await s.Idea(ideaId)).GetProperty("selectionFrozen").GetBoolean() ? "frozen" : null, "Ideation to freeze selection");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected" }), HttpStatusCode.Conflict, "dispute-open");

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{disputeId}/resolution", claimant, new { outcome = "Upheld" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{disputeId}/resolution", legal, new { outcome = "Maybe" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{disputeId}/resolution", legal,
            new { outcome = "Dismissed", note = "The 2019 model is a different ship." })).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{disputeId}/resolution", legal, new { outcome = "Upheld" }),
            HttpStatusCode.Conflict, "dispute-resolved");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected", note = "Yes" })).StatusCode == HttpStatusCode.OK ? "selected" : null,
            "selection once the dispute is dismissed");

        var report = await PlatformFixture.Eventually(async () =>
        {
            var r = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal));
            return r.GetProperty("licences").GetArrayLength() == 1 ? r.GetRawText() : null;
        }, "the licence to be recorded");
        var licence = JsonDocument.Parse(report).RootElement.GetProperty("licences")[0];
        Assert.Equal([s.Author, coAuthor], licence.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("contributor").GetString()));
        Assert.All(licence.GetProperty("grants").EnumerateArray(), g => Assert.Equal(platform.AgreementVersion, g.GetProperty("agreementVersion").GetString()));
        Assert.Equal("Dismissed", JsonDocument.Parse(report).RootElement.GetProperty("disputes")[0].GetProperty("status").GetString());

        // Another idea: an upheld dispute hides it.
        var other = await s.PublishedIdea(campaignId);
        var second = await platform.Send(HttpMethod.Post, $"/api/ideas/{other}/disputes", claimant, new { claim = "Infringement", evidence = "Same design as our registered set 42." });
        var secondId = (await PlatformFixture.Json(second)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{secondId}/resolution", legal, new { outcome = "Upheld" })).StatusCode);
        await s.AwaitStatus(other, "Hidden");
    }

    [Fact]
    public async Task The_export_verifies_offline_with_the_host_cli_and_one_changed_byte_is_named()
    {
        var (s, _, ideaId, coAuthor, coToken) = await CoAuthoredIdea();
        await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", s.AuthorToken,
            new { shares = new[] { new { userId = s.Author, percent = 70m }, new { userId = coAuthor, percent = 30m } } });
        await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/ownership/confirm", coToken);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance/export", s.AuthorToken)).StatusCode);
        var export = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance/export", legal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = await export.Content.ReadAsStringAsync();

        var directory = Directory.CreateTempSubdirectory("cocreation-export-");
        var file = Path.Combine(directory.FullName, "provenance.json");
        await File.WriteAllTextAsync(file, text);
        var (code, output) = await PlatformFixture.RunHostCli("audit", "verify-export", file);
        Assert.True(code == 0, output);
        Assert.Contains("valid: true", output);

        // Change one byte of one value: the co-author's percent in the settled split.
        var bundle = JsonNode.Parse(text)!.AsObject();
        var settled = bundle["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ownership_settled")!;
        var sequence = settled["sequence"]!.GetValue<long>();
        var share = settled["data"]!.AsObject().Single(p => p.Key.Equals("shares", StringComparison.OrdinalIgnoreCase)).Value!.AsArray()[1]!.AsObject();
        var percent = share.Single(p => p.Key.Equals("percent", StringComparison.OrdinalIgnoreCase));
        var written = $"\"{percent.Key}\": {percent.Value!.ToJsonString()}";
        // The proposal holds the same value earlier in the file; the settled split is the last occurrence.
        var at = text.LastIndexOf(written, StringComparison.Ordinal);
        var tampered = text[..at] + written.Replace("30", "31") + text[(at + written.Length)..];
        Assert.Equal(text.Length, tampered.Length);
        Assert.Equal(1, text.Zip(tampered).Count(p => p.First != p.Second));
        await File.WriteAllTextAsync(file, tampered);
        (code, output) = await PlatformFixture.RunHostCli("audit", "verify-export", file);
        Assert.Equal(1, code);
        Assert.Contains("valid: false", output);
        Assert.Contains($"sequence {sequence}, ownership_settled): hash mismatch", output);

        (code, output) = await PlatformFixture.RunHostCli("audit", "verify-export", Path.Combine(directory.FullName, "missing.json"));
        Assert.Equal(2, code);
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task The_provenance_integrity_block_checks_the_ideas_events_against_the_platforms_chain()
    {
        var (_, _, ideaId, coAuthor, _) = await CoAuthoredIdea();
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var report = await PlatformFixture.Eventually(async () =>
        {
            var r = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal));
            return r.GetProperty("integrity").GetProperty("unchained").GetInt32() == 0 ? r.GetRawText() : null;
        }, "the chain to cover the idea's events");
        Assert.True(JsonDocument.Parse(report).RootElement.GetProperty("integrity").GetProperty("valid").GetBoolean());

        await using var db = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        await using var find = db.CreateCommand("select seq_id, data::text from events.mt_events where type = 'contribution_recorded' and data ->> 'Contributor' = $1");
        find.Parameters.Add(new() { Value = coAuthor });
        long sequence;
        string original;
        await using (var reader = await find.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            (sequence, original) = (reader.GetInt64(0), reader.GetString(1));
        }
        try
        {
            await using (var tamper = db.CreateCommand($"update events.mt_events set data = jsonb_set(data, '{{Contributor}}', '\"mallory\"') where seq_id = {sequence}"))
                await tamper.ExecuteNonQueryAsync();
            var integrity = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal))).GetProperty("integrity");
            Assert.False(integrity.GetProperty("valid").GetBoolean());
            Assert.Equal(sequence, integrity.GetProperty("firstBrokenSeq").GetInt64());
        }
        finally
        {
            await using var restore = db.CreateCommand($"update events.mt_events set data = $1::jsonb where seq_id = {sequence}");
            restore.Parameters.Add(new() { Value = original });
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal)))
            .GetProperty("integrity").GetProperty("valid").GetBoolean());
    }
}
