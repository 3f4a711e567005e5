using System.Net;
using System.Text.Json;
using CoCreation.Moderation.Contracts;
using CoCreation.Voting.Ballots;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class VotingTests(PlatformFixture platform)
{
    private Task<HttpResponseMessage> Vote(Guid ideaId, string token, object? body = null) =>
        platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", token, body ?? new { });

    private Task<HttpResponseMessage> Retract(Guid ideaId, string token) =>
        platform.Send(HttpMethod.Delete, $"/api/ideas/{ideaId}/votes/mine", token);

    private async Task<JsonElement> Tally(Guid ideaId) => await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/tally"));

    private async Task<string> Participant(string prefix = "voter") => await platform.TokenFor(PlatformFixture.Unique(prefix), "participant");

    private static async Task AssertRule(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith($"/problems/{rule}", (await PlatformFixture.Json(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Fifty_simultaneous_identical_votes_from_one_member_give_one_cast_and_49_duplicate_vote_conflicts()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var voter = PlatformFixture.Unique("eager");
        var token = await platform.TokenFor(voter, "participant");

        var start = new TaskCompletionSource();
        var requests = Enumerable.Range(0, 50).Select(async _ => { await start.Task; return await Vote(ideaId, token); }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var conflicts = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(49, conflicts.Count);
        foreach (var conflict in conflicts) await AssertRule(conflict, HttpStatusCode.Conflict, "duplicate-vote");

        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(Ballot.StreamIdFor(ideaId));
        Assert.Single(events, e => e.Data is VoteCast);
        Assert.Equal(1, (await Tally(ideaId)).GetProperty("supporters").GetInt32());
    }

    [Fact]
    public async Task Many_members_voting_at_once_on_one_idea_are_all_counted()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var tokens = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Participant("crowd")));
        var responses = await Task.WhenAll(tokens.Select(t => Vote(ideaId, t)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var answered = await Task.WhenAll(responses.Select(async r => (await PlatformFixture.Json(r)).GetProperty("supporters").GetInt32()));
        Assert.Equal(Enumerable.Range(1, 40), answered.Order());
        Assert.Equal(40, (await Tally(ideaId)).GetProperty("supporters").GetInt32());
        await PlatformFixture.Eventually(async () => (await s.Idea(ideaId)).GetProperty("supporters").GetInt32() == 40 ? "counted" : null,
            "Ideation to learn the 40 supporters");
    }

    [Fact]
    public async Task Voters_committed_in_one_group_each_keep_their_own_correlation_id_on_their_vote_events()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var voters = Enumerable.Range(0, 20).Select(_ => PlatformFixture.Unique("grouped")).ToList();
        var tokens = await Task.WhenAll(voters.Select(v => platform.TokenFor(v, "participant")));
        var correlations = voters.ToDictionary(v => v, _ => PlatformFixture.Unique("corr"));
        // Sent at once, so the campaign's writer commits several of them in one group.
        var responses = await Task.WhenAll(voters.Select((v, i) =>
            platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", tokens[i], new { }, correlationId: correlations[v])));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var history = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1000", s.BrandToken)))
            .EnumerateArray().ToList();
        var votes = history.Where(e => e.GetProperty("module").GetString() == "Voting" && voters.Contains(e.GetProperty("actor").GetString()!)).ToList();
        Assert.Equal(voters.Order(), votes.Where(e => e.GetProperty("type").GetString() == "vote_cast").Select(e => e.GetProperty("actor").GetString()!).Order());
        Assert.All(votes, e => Assert.Equal(correlations[e.GetProperty("actor").GetString()!], e.GetProperty("correlationId").GetString()));

        // Rewards credits each voter from Voting's message about that voter's request: the points carry that request's correlation id.
        var points = await PlatformFixture.Eventually(async () =>
        {
            var all = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1000", s.BrandToken)))
                .EnumerateArray().Where(e => e.GetProperty("type").GetString() == "points_granted")
                .Select(e => (Member: e.GetProperty("data").GetProperty("memberId").GetString()!, Correlation: e.GetProperty("correlationId").GetString()))
                .Where(p => voters.Contains(p.Member)).ToList();
            return all.Select(p => p.Member).Distinct().Count() == voters.Count ? all : null;
        }, "Rewards to credit the 20 voters");
        Assert.All(points, p => Assert.Equal(correlations[p.Member], p.Correlation));
    }

    [Fact]
    public async Task Rating_mode_with_a_budget_keeps_the_average_and_a_retraction_gives_the_vote_back()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "Rate the best harbour crane", brief = "Scores from 0 to 5.",
            voting = new { mode = "rating", budgetPerMember = 2 }
        });
        var ideas = new List<Guid>();
        for (var i = 0; i < 3; i++) ideas.Add(await s.PublishedIdea(campaignId));
        var voter = await Participant();
        var other = await Participant();

        await AssertRule(await Vote(ideas[0], voter), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(HttpStatusCode.BadRequest, (await Vote(ideas[0], voter, new { score = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(ideas[0], voter, new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(ideas[0], other, new { score = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(ideas[1], voter, new { score = 3 })).StatusCode);
        var tally = await Tally(ideas[0]);
        Assert.Equal((2, 3.5), (tally.GetProperty("supporters").GetInt32(), tally.GetProperty("averageScore").GetDouble()));

        await AssertRule(await Vote(ideas[2], voter, new { score = 4 }), HttpStatusCode.Conflict, "vote-budget-exhausted");
        Assert.Equal(HttpStatusCode.NoContent, (await Retract(ideas[0], voter)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Retract(ideas[0], voter)).StatusCode);
        tally = await Tally(ideas[0]);
        Assert.Equal((1, 2.0), (tally.GetProperty("supporters").GetInt32(), tally.GetProperty("averageScore").GetDouble()));
        Assert.Equal(HttpStatusCode.Created, (await Vote(ideas[2], voter, new { score = 4 })).StatusCode);
        await AssertRule(await Vote(ideas[0], voter, new { score = 1 }), HttpStatusCode.Conflict, "vote-budget-exhausted");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Delete, $"/api/ideas/{ideas[0]}/votes/mine")).StatusCode);
    }

    [Fact]
    public async Task A_missed_window_expires_the_idea_when_the_clock_moves_and_the_last_milestone_sends_it_to_review()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "A quick ladder", brief = "Two steps.",
            milestones = new[] { new { supporters = 2, withinDays = 1 }, new { supporters = 3, withinDays = 2 } }
        });
        var slow = await s.PublishedIdea(campaignId);
        var quick = await s.PublishedIdea(campaignId);
        var voters = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Participant()));

        Assert.Equal(HttpStatusCode.Created, (await Vote(slow, voters[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(quick, voters[0])).StatusCode);
        var reached = await PlatformFixture.Json(await Vote(quick, voters[1]));
        Assert.Equal(2, reached.GetProperty("supporters").GetInt32());
        var tally = await Tally(quick);
        Assert.Equal(3, tally.GetProperty("nextMilestone").GetProperty("supporters").GetInt32());
        var quickDeadline = tally.GetProperty("nextMilestone").GetProperty("deadline").GetDateTimeOffset();
        var slowDeadline = (await Tally(slow)).GetProperty("nextMilestone").GetProperty("deadline").GetDateTimeOffset();
        Assert.True(quickDeadline > slowDeadline, "the second window starts when the first milestone is reached");

        var advanced = await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { days = 1.5 });
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal("Expired", (await Tally(slow)).GetProperty("status").GetString());
        Assert.Equal("Open", (await Tally(quick)).GetProperty("status").GetString());
        // The advance answers once what it made due has run in every module: Ideation already says Expired.
        Assert.True((await PlatformFixture.Json(advanced)).GetProperty("settled").GetBoolean());
        Assert.Equal("Expired", await s.StatusOf(slow));
        await AssertRule(await Vote(slow, voters[2]), HttpStatusCode.Conflict, "voting-closed");
        var timeline = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{slow}/timeline", s.ModeratorToken));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("status").GetString() == "Expired");

        Assert.Equal(HttpStatusCode.Created, (await Vote(quick, voters[2])).StatusCode);
        tally = await Tally(quick);
        Assert.Equal("Completed", tally.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, tally.GetProperty("nextMilestone").ValueKind);
        await s.AwaitStatus(quick, "UnderReview");
        await AssertRule(await Vote(quick, await Participant()), HttpStatusCode.Conflict, "voting-closed");
        await AssertRule(await Retract(quick, voters[2]), HttpStatusCode.Conflict, "voting-closed");

        // Rewards hears of both milestones: the campaign's points for a milestone, per milestone, to the author.
        await PlatformFixture.Eventually(async () =>
        {
            var rewards = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/members/{s.Author}/rewards", s.AuthorToken));
            var reasons = rewards.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
            return reasons.Contains("milestone-1") && reasons.Contains("milestone-2") && rewards.GetProperty("points").GetInt32() == 2 * 10 + 2 * 25
                ? "rewarded" : null;
        }, "Rewards to pay the author for publication and both milestones");
    }

    [Fact]
    public async Task The_vote_history_shows_casts_retractions_and_discounts_to_brand_and_legal_and_a_ban_discounts_votes()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var other = await s.PublishedIdea(campaignId);
        var bob = PlatformFixture.Unique("bob");
        var mallory = PlatformFixture.Unique("mallory");
        var bobToken = await platform.TokenFor(bob, "participant");
        var malloryToken = await platform.TokenFor(mallory, "participant");

        Assert.Equal(HttpStatusCode.Created, (await Vote(ideaId, bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Retract(ideaId, bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(ideaId, bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(ideaId, malloryToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(other, malloryToken)).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/members/{mallory}/rewards", malloryToken)) is { StatusCode: HttpStatusCode.OK } r
            && (await PlatformFixture.Json(r)).GetProperty("points").GetInt32() == 2 ? "earned" : null, "Rewards to pay mallory's two votes");

        await platform.Publish(new MemberBannedIntegrationEvent(mallory, "vote rings", "mod-1", DateTimeOffset.UtcNow));
        await PlatformFixture.Eventually(async () => (await Tally(ideaId)).GetProperty("supporters").GetInt32() == 1 ? "discounted" : null,
            "Voting to discount the banned member's votes");
        Assert.Equal(0, (await Tally(other)).GetProperty("supporters").GetInt32());
        await AssertRule(await Vote(ideaId, malloryToken), HttpStatusCode.Forbidden, "member-banned");

        var brand = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/votes", s.BrandToken);
        Assert.Equal(HttpStatusCode.OK, brand.StatusCode);
        var history = (await PlatformFixture.Json(brand)).EnumerateArray()
            .Select(e => (e.GetProperty("voter").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Equal([(bob, "Cast"), (bob, "Retracted"), (bob, "Cast"), (mallory, "Cast"), (mallory, "Discounted")], history);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/votes", legal)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/votes", bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/votes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/ideas/{Guid.NewGuid()}/votes", legal)).StatusCode);

        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/members/{mallory}/rewards", malloryToken)))
            .GetProperty("points").GetInt32() == 0 ? "reversed" : null, "Rewards to take back the discounted votes' points");
        await PlatformFixture.Eventually(async () => (await s.Idea(ideaId)).GetProperty("supporters").GetInt32() == 1 ? "counted" : null,
            "Ideation to follow the discounted tally");
    }
}
