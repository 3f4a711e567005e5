using System.Net;
using CoCreation.BuildingBlocks.Metadata;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class WalkingSkeletonTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_submitted_idea_crosses_every_module_as_events_with_actor_module_correlation_and_causation()
    {
        var s = await new Scenario(platform).WithTokens();
        var voter = PlatformFixture.Unique("voter");
        var voterToken = await platform.TokenFor(voter, "participant");
        var campaignId = await s.CreateCampaign();

        var submitCorrelation = PlatformFixture.Unique("submit");
        var (ideaId, submitted) = await s.SubmitIdea(campaignId, submitCorrelation);
        var submitRequestId = submitted.Headers.GetValues("X-Request-Id").Single();
        Assert.Equal(submitCorrelation, submitted.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("Submitted", (await PlatformFixture.Json(submitted)).GetProperty("status").GetString());

        var item = await s.QueueItemFor(ideaId);
        Assert.Equal("idea", item.GetProperty("subjectType").GetString());

        var approveCorrelation = PlatformFixture.Unique("approve");
        var approved = await s.Approve(item.GetProperty("id").GetGuid(), approveCorrelation);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approveRequestId = approved.Headers.GetValues("X-Request-Id").Single();

        await PlatformFixture.Eventually(async () =>
        {
            var idea = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", s.ModeratorToken));
            return idea.GetProperty("status").GetString() == "Published" ? "published" : null;
        }, "Ideation to publish the idea");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/tally", s.ModeratorToken)).StatusCode == HttpStatusCode.OK ? "open" : null,
            "Voting to open the ballot");

        var voteCorrelation = PlatformFixture.Unique("vote");
        var vote = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voterToken, new { }, voteCorrelation);
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        Assert.Equal(1, (await PlatformFixture.Json(vote)).GetProperty("supporters").GetInt32());

        await PlatformFixture.Eventually(async () =>
        {
            var board = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/leaderboard"));
            var points = board.EnumerateArray().ToDictionary(e => e.GetProperty("userId").GetString()!, e => e.GetProperty("points").GetInt32());
            return points.GetValueOrDefault(s.Author) == 10 && points.GetValueOrDefault(voter) == 1 ? "granted" : null;
        }, "Rewards to grant points for the published idea and the vote");
        var detail = await PlatformFixture.Eventually(async () =>
        {
            var idea = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", s.ModeratorToken));
            return idea.GetProperty("supporters").GetInt32() == 1 ? idea.GetRawText() : null;
        }, "Ideation to learn the supporter count");
        Assert.Contains(s.Author, detail);

        var events = await CampaignEvents(campaignId);
        IEvent Single(string type) => Assert.Single(events, e => e.EventTypeName == type);

        // Every event carries the full metadata.
        Assert.All(events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.CorrelationId), $"{e.EventTypeName} has no correlation id");
            Assert.False(string.IsNullOrEmpty(e.CausationId), $"{e.EventTypeName} has no causation id");
            Assert.False(string.IsNullOrEmpty(Header(e, EventHeaders.Actor)), $"{e.EventTypeName} has no actor");
            Assert.False(string.IsNullOrEmpty(Header(e, EventHeaders.Module)), $"{e.EventTypeName} has no module");
            Assert.NotEqual(default, e.Timestamp);
            Assert.Equal(campaignId.ToString(), Header(e, EventHeaders.CampaignId));
        });

        // The request appends with its own request id as causation; what other modules append in
        // response carries the same correlation and the message's id as causation.
        var ideaSubmitted = Single("idea_submitted");
        AssertEvent(ideaSubmitted, "Ideation", s.Author, submitCorrelation);
        Assert.Equal(submitRequestId, ideaSubmitted.CausationId);
        foreach (var (type, module) in new[] { ("moderation_item_queued", "Moderation"), ("contribution_recorded", "IntellectualProperty") })
        {
            var e = Single(type);
            AssertEvent(e, module, s.Author, submitCorrelation);
            Assert.NotEqual(submitRequestId, e.CausationId);
        }

        var decided = Single("moderation_item_decided");
        AssertEvent(decided, "Moderation", s.Moderator, approveCorrelation);
        Assert.Equal(approveRequestId, decided.CausationId);
        var published = Single("idea_published");
        var ballotOpened = Single("ballot_opened");
        var authorPoints = Assert.Single(events, e => e.EventTypeName == "points_granted" && e.CorrelationId == approveCorrelation);
        AssertEvent(published, "Ideation", s.Moderator, approveCorrelation);
        AssertEvent(ballotOpened, "Voting", s.Moderator, approveCorrelation);
        AssertEvent(authorPoints, "Rewards", s.Moderator, approveCorrelation);
        Assert.NotEqual(published.CausationId, ballotOpened.CausationId);

        // Global sequence is the audit order of cause and effect.
        Assert.True(ideaSubmitted.Sequence < Single("moderation_item_queued").Sequence);
        Assert.True(decided.Sequence < published.Sequence);
        Assert.True(published.Sequence < ballotOpened.Sequence);
        Assert.True(published.Sequence < authorPoints.Sequence);
        Assert.True(ballotOpened.Sequence < Single("vote_cast").Sequence);
        AssertEvent(Single("vote_cast"), "Voting", voter, voteCorrelation);
        Assert.Equal(vote.Headers.GetValues("X-Request-Id").Single(), Single("vote_cast").CausationId);
    }

    private async Task<IReadOnlyList<IEvent>> CampaignEvents(Guid campaignId)
    {
        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var all = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-10))
            .OrderBy(e => e.Sequence).ToListAsync();
        return all.Where(e => Header(e, EventHeaders.CampaignId) == campaignId.ToString()).ToList();
    }

    private static string? Header(IEvent e, string key) =>
        e.Headers is not null && e.Headers.TryGetValue(key, out var value) ? value?.ToString() : null;

    private static void AssertEvent(IEvent e, string module, string actor, string correlationId)
    {
        Assert.Equal(module, Header(e, EventHeaders.Module));
        Assert.Equal(actor, Header(e, EventHeaders.Actor));
        Assert.Equal(correlationId, e.CorrelationId);
    }
}
