using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

/// <summary>
/// A campaign that hides tallies until voted (issue 16, <c>voting.hideTalliesUntilVoted</c>): every read of a count
/// (the idea, the campaign's list and its sort, my ideas, the tally, the curve, open data, the pages) keeps it from a
/// member until they vote for the idea, shows it to the brand and legal, and to everyone when voting ends.
/// </summary>
[Collection(PlatformCollection.Name)]
public class HiddenTalliesTests(PlatformFixture platform)
{
    private async Task<JsonElement> Get(string path, string? token) => await PlatformFixture.Json(await platform.Send(HttpMethod.Get, path, token));

    private static JsonElement ItemOf(JsonElement list, Guid ideaId) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == ideaId);

    [Fact]
    public async Task Counts_stay_hidden_from_a_member_until_they_vote_and_from_everyone_but_brand_and_legal_until_voting_ends()
    {
        var s = await new Scenario(platform).WithTokens();
        var now = platform.App.Services.GetRequiredService<CoCreation.BuildingBlocks.Time.AppClock>().GetUtcNow();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "Lighthouse sets, scores hidden", brief = "Vote before you see.",
            voting = new { mode = "support", hideTalliesUntilVoted = true }, phases = new { votingUntil = now.AddDays(3) }
        });
        var first = await s.PublishedIdea(campaignId);
        var second = await s.PublishedIdea(campaignId);
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        var onlooker = await platform.TokenFor(PlatformFixture.Unique("onlooker"), "participant");
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{first}/votes", voter, new { })).StatusCode);
        await PlatformFixture.Eventually(async () => (await Get($"/api/ideas/{first}", s.BrandToken)).GetProperty("supporters").GetInt32() == 1 ? "" : null,
            "Ideation counted the vote");

        // The brand and legal see every count.
        foreach (var insider in new[] { s.BrandToken, legal })
        {
            Assert.Equal(1, (await Get($"/api/ideas/{first}", insider)).GetProperty("supporters").GetInt32());
            Assert.Equal(1, (await Get($"/api/ideas/{first}/tally", insider)).GetProperty("supporters").GetInt32());
        }

        // Someone who has not voted sees no count anywhere: not the idea, the tally, the curve, the list, nor its order.
        foreach (var outsider in new[] { onlooker, null, s.AuthorToken, s.ModeratorToken })
        {
            var idea = await Get($"/api/ideas/{first}", outsider);
            Assert.Equal(JsonValueKind.Null, idea.GetProperty("supporters").ValueKind);
            Assert.True(idea.GetProperty("talliesHidden").GetBoolean());
            var tally = await Get($"/api/ideas/{first}/tally", outsider);
            Assert.Equal(JsonValueKind.Null, tally.GetProperty("supporters").ValueKind);
            Assert.True(tally.GetProperty("hidden").GetBoolean());
            var curve = await Get($"/api/ideas/{first}/supporters", outsider);
            Assert.Empty(curve.GetProperty("points").EnumerateArray());
            var list = await Get($"/api/campaigns/{campaignId}/ideas?sort=supporters", outsider);
            Assert.Equal("newest", list.GetProperty("sortedBy").GetString());
            Assert.Equal(second, list.GetProperty("items")[0].GetProperty("id").GetGuid());
            Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("supporters").ValueKind));
        }
        var mine = await Get("/api/me/ideas", s.AuthorToken);
        Assert.All(mine.GetProperty("ideas").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("supporters").ValueKind));
        var openData = await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/open-data/ideas.json")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"supporters\":1", openData.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await Get($"/api/campaigns/{campaignId}/open-data/votes.json", null)).EnumerateArray());
        var page = await (await platform.Send(HttpMethod.Get, $"/ideas/{first}", onlooker)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"supporters-hidden\"", page);
        Assert.DoesNotContain("data-testid=\"supporters\"", page);
        var campaignPage = await (await platform.Send(HttpMethod.Get, $"/campaigns/{campaignId}", onlooker)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"tallies-hidden\"", campaignPage);
        Assert.DoesNotContain("1 supporter", campaignPage);

        // The voter sees the count of the idea they voted for, not the other's.
        Assert.Equal(1, (await Get($"/api/ideas/{first}", voter)).GetProperty("supporters").GetInt32());
        Assert.Equal(1, (await Get($"/api/ideas/{first}/tally", voter)).GetProperty("supporters").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await Get($"/api/ideas/{second}", voter)).GetProperty("supporters").ValueKind);
        Assert.Equal(JsonValueKind.Null, ItemOf(await Get($"/api/campaigns/{campaignId}/ideas", voter), second).GetProperty("supporters").ValueKind);
        Assert.Equal(1, ItemOf(await Get($"/api/campaigns/{campaignId}/ideas", voter), first).GetProperty("supporters").GetInt32());

        // Retracting hides it again: the count is for those who support the idea now.
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Send(HttpMethod.Delete, $"/api/ideas/{first}/votes/mine", voter)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Get($"/api/ideas/{first}/tally", voter)).GetProperty("supporters").ValueKind);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{first}/votes", voter, new { })).StatusCode);

        // When voting ends, everyone sees every count, and the list sorts by supporters again.
        await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { hours = 73 });
        await PlatformFixture.Eventually(async () => (await Get($"/api/ideas/{first}", null)).GetProperty("supporters") is { ValueKind: JsonValueKind.Number } n && n.GetInt32() == 1 ? "" : null,
            "the count shown once voting ended");
        Assert.Equal(1, (await Get($"/api/ideas/{first}/tally", onlooker)).GetProperty("supporters").GetInt32());
        var after = await Get($"/api/campaigns/{campaignId}/ideas?sort=supporters", onlooker);
        Assert.Equal("supporters", after.GetProperty("sortedBy").GetString());
        Assert.Equal(first, after.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.NotEmpty((await Get($"/api/campaigns/{campaignId}/open-data/votes.json", null)).EnumerateArray());
    }

    [Fact]
    public async Task Closing_a_campaign_without_a_voting_deadline_shows_its_counts()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Tower sets, scores hidden", brief = "Until closing.", voting = new { hideTalliesUntilVoted = true } });
        var idea = await s.PublishedIdea(campaignId);
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", voter, new { })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Get($"/api/ideas/{idea}/tally", null)).GetProperty("supporters").ValueKind);
        var rules = (await Get($"/api/campaigns/{campaignId}", null)).GetProperty("rules").GetProperty("voting");
        Assert.True(rules.GetProperty("hideTalliesUntilVoted").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/close", s.BrandToken)).StatusCode);
        await PlatformFixture.Eventually(async () => (await Get($"/api/ideas/{idea}/tally", null)).GetProperty("supporters") is { ValueKind: JsonValueKind.Number } n && n.GetInt32() == 1 ? "" : null,
            "the count shown once the campaign closed");
    }
}
