using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>Review rounds (docs/adr/0034) over HTTP: the opt-in rule, the round's refusals, private decisions, published results.</summary>
[Collection(PlatformCollection.Name)]
public class ReviewRoundTests(PlatformFixture platform)
{
    private static object Body(bool rounds) => new { title = "Harbour review rounds", brief = "Sets reviewed three times a year.", review = new { rounds } };

    /// <summary>A published idea pushed past its last milestone (the message Voting sends), so it waits as UnderReview.</summary>
    private async Task<Guid> UnderReview(Scenario s, Guid campaignId)
    {
        var idea = await s.PublishedIdea(campaignId);
        await platform.Publish(new CoCreation.Voting.Contracts.MilestoneReachedIntegrationEvent(idea, campaignId, 0, 100, true, [s.Author], DateTimeOffset.UtcNow));
        await s.AwaitStatus(idea, "UnderReview");
        return idea;
    }

    private Task<HttpResponseMessage> Decide(Guid idea, string token, string outcome, string? note = null) =>
        platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/decision", token, new { outcome, note });

    private async Task<JsonElement> Rounds(Guid campaignId, string? token = null) =>
        await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/review-rounds", token));

    private static JsonElement RoundIdea(JsonElement rounds, int round, Guid idea) =>
        rounds.GetProperty("rounds")[round].GetProperty("ideas").EnumerateArray().Single(i => i.GetProperty("ideaId").GetGuid() == idea);

    [Fact]
    public async Task A_round_holds_the_waiting_ideas_keeps_decisions_private_and_publishes_them_at_close()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: Body(true));
        var rounds = $"/api/campaigns/{campaignId}/review-rounds";
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, rounds, s.BrandToken), HttpStatusCode.Conflict, "no-ideas-awaiting-review");

        var (a, b) = (await UnderReview(s, campaignId), await UnderReview(s, campaignId));
        await PlatformFixture.AssertRule(await Decide(a, s.BrandToken, "Selected"), HttpStatusCode.Conflict, "idea-not-in-open-round");
        var waiting = await Rounds(campaignId);
        Assert.True(waiting.GetProperty("enabled").GetBoolean());
        Assert.Equal(new[] { a, b }.Order(), waiting.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("ideaId").GetGuid()).Order());

        var otherBrand = await platform.TokenFor(PlatformFixture.Unique("brand"), "brand");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, rounds, otherBrand)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, rounds, s.AuthorToken)).StatusCode);

        var opened = await platform.Send(HttpMethod.Post, rounds, s.BrandToken);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = await PlatformFixture.Json(opened);
        var roundId = round.GetProperty("id").GetGuid();
        Assert.Equal(1, round.GetProperty("number").GetInt32());
        Assert.Equal(new[] { a, b }.Order(), round.GetProperty("ideas").EnumerateArray().Select(i => i.GetGuid()).Order());
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, rounds, s.BrandToken), HttpStatusCode.Conflict, "review-round-already-open");

        // An idea that reaches review while the round is open waits for the next one.
        var c = await UnderReview(s, campaignId);
        await PlatformFixture.AssertRule(await Decide(c, s.BrandToken, "Selected"), HttpStatusCode.Conflict, "idea-not-in-open-round");

        var pending = await PlatformFixture.Json(await Decide(a, s.BrandToken, "NotSelected", "First thought"));
        Assert.Equal("UnderReview", pending.GetProperty("status").GetString());
        Assert.Equal(1, pending.GetProperty("round").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Decide(a, s.BrandToken, "Selected", "A bold harbour: we make it.")).StatusCode);

        // The decision is the brand's until the round closes: the public, the author and another brand do not see it.
        Assert.Equal("UnderReview", (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{a}"))).GetProperty("status").GetString());
        foreach (var token in new string?[] { null, s.AuthorToken, otherBrand })
            Assert.Equal(JsonValueKind.Null, RoundIdea(await Rounds(campaignId, token), 0, a).GetProperty("decision").ValueKind);
        var brandView = await Rounds(campaignId, s.BrandToken);
        Assert.Equal("Selected", RoundIdea(brandView, 0, a).GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal([c], brandView.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("ideaId").GetGuid()));
        var timeline = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{a}/timeline"));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("note").GetString()!.StartsWith("In review round 1:"));
        Assert.DoesNotContain(timeline.EnumerateArray(), e => e.GetProperty("note").GetString()!.Contains("bold"));

        var close = $"{rounds}/{roundId}/close";
        var undecided = await platform.Send(HttpMethod.Post, close, s.BrandToken);
        await PlatformFixture.AssertRule(undecided, HttpStatusCode.Conflict, "round-has-undecided-ideas");
        Assert.Equal("UnderReview", await s.StatusOf(a));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, close, otherBrand)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Decide(b, s.BrandToken, "NotSelected", "Too close to a set we sell.")).StatusCode);
        var closed = await platform.Send(HttpMethod.Post, close, s.BrandToken);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var results = (await PlatformFixture.Json(closed)).GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("ideaId").GetGuid(), r => r.GetProperty("outcome").GetString());
        Assert.Equal("Selected", results[a]);
        Assert.Equal("NotSelected", results[b]);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, close, s.BrandToken), HttpStatusCode.Conflict, "review-round-closed");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, $"{rounds}/{Guid.NewGuid()}/close", s.BrandToken)).StatusCode);

        // Published: the statuses, the timelines with the round and the brand's final note, the author's points for selection.
        Assert.Equal("Selected", await s.StatusOf(a));
        Assert.Equal("NotSelected", await s.StatusOf(b));
        timeline = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{a}/timeline"));
        Assert.Equal("Review round 1 result: A bold harbour: we make it.", timeline.EnumerateArray().Last().GetProperty("note").GetString());
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/members/{s.Author}/rewards", s.AuthorToken)))
                .GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("reason").GetString() == "idea-selected") ? "paid" : null, "points for the selection");
        var publicView = await Rounds(campaignId);
        Assert.Equal("Closed", publicView.GetProperty("rounds")[0].GetProperty("status").GetString());
        Assert.Equal("A bold harbour: we make it.", RoundIdea(publicView, 0, a).GetProperty("result").GetProperty("note").GetString());

        // The next round takes the idea that waited.
        var second = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, rounds, s.BrandToken));
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal([c], second.GetProperty("ideas").EnumerateArray().Select(i => i.GetGuid()));
    }

    [Fact]
    public async Task Without_the_rule_the_brand_decides_each_idea_at_once_and_rounds_are_refused()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: Body(false));
        var idea = await UnderReview(s, campaignId);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/review-rounds", s.BrandToken),
            HttpStatusCode.Conflict, "review-rounds-not-enabled");
        var decided = await PlatformFixture.Json(await Decide(idea, s.BrandToken, "Selected", "Yes"));
        Assert.Equal("Selected", decided.GetProperty("status").GetString());
        Assert.False((await Rounds(campaignId)).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task An_idea_hidden_during_the_round_needs_no_decision_and_stays_out_of_the_public_results()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Harbour review rounds", brief = "Sets.", review = new { rounds = true }, moderation = new { flagsToHide = 1 } });
        var (kept, hidden) = (await UnderReview(s, campaignId), await UnderReview(s, campaignId));
        var round = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/review-rounds", s.BrandToken));
        var flagger = await platform.TokenFor(PlatformFixture.Unique("flagger"), "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{hidden}/flags", flagger, new { reason = "copied" })).StatusCode);
        await s.AwaitStatus(hidden, "Hidden");

        Assert.Equal(HttpStatusCode.OK, (await Decide(kept, s.BrandToken, "Selected")).StatusCode);
        var closed = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/review-rounds/{round.GetProperty("id").GetGuid()}/close", s.BrandToken);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Hidden", (await PlatformFixture.Json(closed)).GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ideaId").GetGuid() == hidden).GetProperty("outcome").GetString());
        Assert.Equal("Hidden", await s.StatusOf(hidden));

        var ideas = (await Rounds(campaignId)).GetProperty("rounds")[0].GetProperty("ideas").EnumerateArray().Select(i => i.GetProperty("ideaId").GetGuid()).ToList();
        Assert.Equal([kept], ideas);
        Assert.Contains(hidden, (await Rounds(campaignId, s.ModeratorToken)).GetProperty("rounds")[0].GetProperty("ideas").EnumerateArray().Select(i => i.GetProperty("ideaId").GetGuid()));
    }

    [Fact]
    public async Task A_draft_campaigns_rounds_are_not_found_for_others()
    {
        var s = await new Scenario(platform).WithTokens();
        var draft = await s.CreateCampaign(open: false, body: Body(true));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}/review-rounds")).StatusCode);
        Assert.True((await Rounds(draft, s.BrandToken)).GetProperty("enabled").GetBoolean());
    }
}
