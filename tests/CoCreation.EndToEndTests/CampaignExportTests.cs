using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>The brand's campaign exports (issue 16): ideas, comments and the daily vote tally, as CSV and JSON, only for the brand that runs it and legal.</summary>
[Collection(PlatformCollection.Name)]
public class CampaignExportTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_brand_exports_its_campaigns_ideas_comments_and_daily_tally_as_csv_and_json_and_no_other_brand_can()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var published = await s.PublishedIdea(campaignId);
        var pending = (await s.SubmitIdea(campaignId)).IdeaId;
        var voters = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => platform.TokenFor(PlatformFixture.Unique("voter"), "participant")));
        foreach (var voter in voters)
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/votes", voter, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/comments", voters[0], new { text = "=HYPERLINK(\"http://x\"), a formula" })).StatusCode);
        await PlatformFixture.Eventually(async () => (await s.Idea(published)).GetProperty("supporters").GetInt32() == 2 ? "counted" : null, "both votes counted");

        var csv = await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/ideas.csv", s.BrandToken);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"campaign-{campaignId}-ideas.csv", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id,Title,Status,Supporters,Authors,Tags,Revision,CreatedAt,UpdatedAt", lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith($"{published},") && l.Contains(",Published,2,") && l.Contains(s.Author));
        Assert.Contains(lines, l => l.StartsWith($"{pending},") && l.Contains(",Submitted,0,"));

        var json = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/ideas.json", s.BrandToken));
        Assert.Equal(new[] { pending, published }.Order(), json.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        Assert.Equal(2, json.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == published).GetProperty("supporters").GetInt32());

        var comments = await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/comments.csv", s.BrandToken)).Content.ReadAsStringAsync();
        var comment = comments.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains(published.ToString(), comment);
        Assert.DoesNotContain(",=HYPERLINK", comment);
        Assert.DoesNotContain(",\"=HYPERLINK", comment);
        Assert.Contains("HYPERLINK", comment);
        var commentsJson = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/comments.json", await platform.TokenFor(PlatformFixture.Unique("legal"), "legal")));
        Assert.Equal("=HYPERLINK(\"http://x\"), a formula", commentsJson[0].GetProperty("text").GetString());

        var tally = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/votes.json", s.BrandToken));
        var days = tally.EnumerateArray().Where(d => d.GetProperty("ideaId").GetGuid() == published).ToList();
        Assert.NotEmpty(days);
        Assert.Equal(2, days[^1].GetProperty("supporters").GetInt32());
        Assert.Equal(days.Select(d => d.GetProperty("day").GetString()).Order(StringComparer.Ordinal), days.Select(d => d.GetProperty("day").GetString()));
        var tallyCsv = await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/votes.csv", s.BrandToken)).Content.ReadAsStringAsync();
        Assert.StartsWith("IdeaId,Day,Supporters", tallyCsv);

        var moderation = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/moderation.json", s.BrandToken));
        var decision = Assert.Single(moderation.EnumerateArray());
        Assert.Equal((published, "Approve", s.Moderator), (decision.GetProperty("subjectId").GetGuid(), decision.GetProperty("decision").GetString(), decision.GetProperty("decidedBy").GetString()));
        Assert.StartsWith("ItemId,SubjectId,Decision,ReasonCode,Note,DecidedBy,Final,DecidedAt",
            await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/moderation.csv", s.BrandToken)).Content.ReadAsStringAsync());

        await PlatformFixture.Eventually(async () =>
        {
            var rewards = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/rewards.json", s.BrandToken));
            var points = rewards.EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "points").ToList();
            return points.Any(r => r.GetProperty("member").GetString() == s.Author && r.GetProperty("points").GetInt32() == 10)
                   && points.Count(r => r.GetProperty("reason").GetString() == "vote-cast" && r.GetProperty("points").GetInt32() == 1) == 2 ? "granted" : null;
        }, "the author's points for the published idea and a point per vote in the rewards export");
        Assert.StartsWith("Kind,Member,Points,Amount,Currency,SharePercent,Reason,Cause,At",
            await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/rewards.csv", s.BrandToken)).Content.ReadAsStringAsync());

        var rival = await platform.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("org"), "brand");
        foreach (var kind in new[] { "ideas", "comments", "votes", "moderation", "rewards" })
            Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/{kind}.csv", rival)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/exports/ideas.xml", s.BrandToken)).StatusCode);
    }

    [Fact]
    public async Task The_open_data_holds_only_public_ideas_and_their_tally_without_anyones_personal_data()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var published = await s.PublishedIdea(campaignId);
        var withdrawn = await s.PublishedIdea(campaignId);
        var pending = (await s.SubmitIdea(campaignId)).IdeaId;
        var voter = PlatformFixture.Unique("voter");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/votes", await platform.TokenFor(voter, "participant"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{withdrawn}/withdraw", s.AuthorToken, new { })).StatusCode);
        await PlatformFixture.Eventually(async () => (await s.Idea(published)).GetProperty("supporters").GetInt32() == 1 ? "counted" : null, "the vote counted");

        var ideasAnswer = await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/open-data/ideas.json");
        Assert.Equal(HttpStatusCode.OK, ideasAnswer.StatusCode);
        var ideasText = await ideasAnswer.Content.ReadAsStringAsync();
        var ideas = JsonDocument.Parse(ideasText).RootElement;
        Assert.Equal([published], ideas.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(1, ideas[0].GetProperty("supporters").GetInt32());
        Assert.DoesNotContain(s.Author, ideasText);
        Assert.False(ideas[0].TryGetProperty("authors", out _));

        await PlatformFixture.Eventually(async () =>
        {
            var votes = await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/open-data/votes.csv")).Content.ReadAsStringAsync();
            return votes.Contains(published.ToString()) && !votes.Contains(withdrawn.ToString()) && !votes.Contains(pending.ToString()) && !votes.Contains(voter) ? "public only" : null;
        }, "the open vote tally has the public idea and not the withdrawn one");
        Assert.StartsWith("Id,Title,Description,Status,Supporters,Tags,CreatedAt", await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/open-data/ideas.csv")).Content.ReadAsStringAsync());
    }
}
