using System.Net;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.Voting.Contracts;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class IdeationLifecycleTests(PlatformFixture platform)
{
    private static object Body(string title = "Ferry with a drawbridge") => new { title, description = "A car ferry whose bow opens.", tags = new[] { "sea" } };

    [Fact]
    public async Task Submitting_needs_the_current_agreement_and_works_the_moment_it_is_accepted()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var newcomer = await platform.TokenFor(PlatformFixture.Unique("new"), "participant");

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", newcomer, Body()),
            HttpStatusCode.Conflict, "agreement-not-accepted");

        await platform.AcceptAgreement(newcomer);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", newcomer, Body())).StatusCode);
    }

    [Fact]
    public async Task A_revision_is_screened_again_and_only_its_own_approval_publishes_it()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var (ideaId, _) = await s.SubmitIdea(campaignId);
        var stranger = await platform.TokenFor(PlatformFixture.Unique("stranger"), "participant");
        // Not yet public: a stranger is told it does not exist rather than that it is not theirs.
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}", stranger, Body("Stolen ferry")), HttpStatusCode.NotFound, "not-found");

        var revised = await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}", s.AuthorToken, Body("Ferry with a drawbridge, v2"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, (await PlatformFixture.Json(revised)).GetProperty("revision").GetInt32());

        // The revision replaces the first item in the queue: approving the stale one is refused and publishes nothing.
        await s.QueueItemFor(ideaId, 2);
        var queue = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", s.ModeratorToken));
        Assert.Equal(2, Assert.Single(queue.EnumerateArray(), i => i.GetProperty("subjectId").GetGuid() == ideaId).GetProperty("revision").GetInt32());
        var log = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={ideaId}", s.ModeratorToken));
        // The first revision's item (its message may reach Moderation after the second's, which supersedes it at once).
        var firstItem = log.EnumerateArray().First(e => e.GetProperty("action").GetString() == "Screened"
            && e.GetProperty("detail").GetString()!.Contains("(new-idea)")).GetProperty("itemId").GetGuid();
        await PlatformFixture.AssertRule(await s.Approve(firstItem), HttpStatusCode.Conflict, "item-superseded");
        Assert.Equal("Submitted", await s.StatusOf(ideaId));

        await s.Publish(ideaId, revision: 2);
        var idea = await s.Idea(ideaId);
        Assert.Equal(("Published", 2, "Ferry with a drawbridge, v2"),
            (idea.GetProperty("status").GetString(), idea.GetProperty("revision").GetInt32(), idea.GetProperty("title").GetString()));
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}", s.AuthorToken, Body("Too late")), HttpStatusCode.Conflict, "idea-not-revisable");
    }

    [Fact]
    public async Task A_co_author_joins_by_invitation_and_acceptance_becomes_a_contributor_and_cannot_vote_for_the_idea()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var coAuthor = PlatformFixture.Unique("co");
        var coToken = await platform.TokenFor(coAuthor, "participant");
        var other = await platform.TokenFor(PlatformFixture.Unique("other"), "participant");

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", other, new { userId = coAuthor }), HttpStatusCode.Forbidden, "not-the-author");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = coAuthor })).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = coAuthor }), HttpStatusCode.Conflict, "already-invited");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", other), HttpStatusCode.Forbidden, "not-invited");
        var accepted = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", coToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        Assert.Equal([s.Author, coAuthor], (await s.Idea(ideaId)).GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        await PlatformFixture.Eventually(async () =>
        {
            var vote = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", coToken, new { });
            return vote.StatusCode == HttpStatusCode.Conflict ? "refused" : null;
        }, "Voting to learn the co-author");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", coToken, new { }), HttpStatusCode.Conflict, "self-vote");

        await PlatformFixture.Eventually(async () =>
        {
            await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var contributions = await session.Events.QueryRawEventDataOnly<CoCreation.IntellectualProperty.Contributions.ContributionRecorded>()
                .Where(c => c.IdeaId == ideaId).ToListAsync();
            return contributions.Any(c => c.Contributor == coAuthor) ? "recorded" : null;
        }, "IntellectualProperty to record the co-author's contribution");
        var timeline = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/timeline", s.ModeratorToken));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("note").GetString()!.Contains(coAuthor));
    }

    [Fact]
    public async Task Withdrawal_is_the_authors_and_stops_voting()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/withdraw", voter), HttpStatusCode.Forbidden, "not-the-author");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/withdraw", s.AuthorToken)).StatusCode);
        Assert.Equal("Withdrawn", await s.StatusOf(ideaId));
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/withdraw", s.AuthorToken), HttpStatusCode.Conflict, "idea-not-withdrawable");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { })).StatusCode == HttpStatusCode.NotFound ? "closed" : null,
            "Voting to close the ballot");
        // Withdrawn is not public: a voter is told it does not exist; its author is told voting is closed.
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { }), HttpStatusCode.NotFound, "not-found");
        var moderatorVoter = await platform.TokenFor(PlatformFixture.Unique("mv"), "participant", "moderator");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", moderatorVoter, new { }), HttpStatusCode.Conflict, "voting-closed");
    }

    [Fact]
    public async Task From_review_to_launch_the_timeline_tells_every_step_and_a_dispute_freezes_selection()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var now = DateTimeOffset.UtcNow;

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected" }),
            HttpStatusCode.Conflict, "idea-not-under-review");
        await platform.Publish(new MilestoneReachedIntegrationEvent(ideaId, campaignId, 0, 100, false, [s.Author], now));
        await platform.Publish(new MilestoneReachedIntegrationEvent(ideaId, campaignId, 1, 1000, true, [s.Author], now));
        await s.AwaitStatus(ideaId, "UnderReview");

        var disputeId = Guid.NewGuid();
        await platform.Publish(new DisputeOpenedIntegrationEvent(disputeId, ideaId, "rival", now));
        await PlatformFixture.Eventually(async () => (await s.Idea(ideaId)).GetProperty("selectionFrozen").GetBoolean() ? "frozen" : null,
            "Ideation to learn of the dispute");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected", note = "Loved it" }),
            HttpStatusCode.Conflict, "dispute-open");
        await platform.Publish(new DisputeResolvedIntegrationEvent(disputeId, ideaId, DisputeOutcomes.Dismissed, "No prior art", "legal", now));
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected", note = "Loved it" })).StatusCode == HttpStatusCode.OK ? "selected" : null,
            "the dismissal to lift the freeze");

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/updates", s.BrandToken, new { status = "Launched", note = "Too soon" }),
            HttpStatusCode.Conflict, "idea-not-in-production");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/updates", s.AuthorToken, new { status = "InProduction", note = "x" }),
            HttpStatusCode.Forbidden, "role-not-allowed");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/updates", s.BrandToken, new { status = "InProduction", note = "Moulds ordered" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/updates", s.BrandToken, new { status = (string?)null, note = "Box art approved" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/updates", s.BrandToken, new { status = "Launched", note = "In stores" })).StatusCode);

        var timeline = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/timeline", s.ModeratorToken))).EnumerateArray().ToList();
        Assert.Equal(["Submitted", "Published", "Published", "Published", "UnderReview", "Selected", "InProduction", "InProduction", "Launched"],
            timeline.Select(e => e.GetProperty("status").GetString()));
        Assert.StartsWith("Milestone 1 reached", timeline[2].GetProperty("note").GetString());
        Assert.Equal("Box art approved", timeline[7].GetProperty("note").GetString());
        Assert.All(timeline, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actor").GetString())));
        Assert.Equal("Loved it", timeline.Single(e => e.GetProperty("status").GetString() == "Selected").GetProperty("note").GetString());
        Assert.Equal(s.Moderator, timeline.Single(e => e.GetProperty("status").GetString() == "Published" && e.GetProperty("note").GetString()!.StartsWith("Approved")).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Expiry_moderation_hiding_and_an_upheld_dispute_each_end_public_life()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var expiring = await s.PublishedIdea(campaignId);
        var disputed = await s.PublishedIdea(campaignId);
        var now = DateTimeOffset.UtcNow;

        await platform.Publish(new IdeaExpiredIntegrationEvent(expiring, campaignId, 0, 12, now, now));
        await s.AwaitStatus(expiring, "Expired");
        var disputeId = Guid.NewGuid();
        await platform.Publish(new DisputeOpenedIntegrationEvent(disputeId, disputed, "rival", now));
        await platform.Publish(new DisputeResolvedIntegrationEvent(disputeId, disputed, DisputeOutcomes.Upheld, "Copies set 1234", "legal", now));
        await s.AwaitStatus(disputed, "Hidden");
        var last = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{disputed}/timeline", s.ModeratorToken))).EnumerateArray().Last();
        Assert.Equal(("Hidden", "legal"), (last.GetProperty("status").GetString(), last.GetProperty("actor").GetString()));

        var commenter = await platform.TokenFor(PlatformFixture.Unique("c"), "participant");
        // Hidden: for anyone but its authors, moderators, legal and the brand, it does not exist.
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{disputed}/comments", commenter, new { text = "Where did it go?" }), HttpStatusCode.NotFound, "not-found");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/ideas/{disputed}", commenter), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_campaign_list_filters_sorts_and_pages()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var popular = await s.PublishedIdea(campaignId);
        await s.PublishedIdea(campaignId);
        await s.SubmitIdea(campaignId);
        for (var i = 0; i < 2; i++)
        {
            var voter = await platform.TokenFor(PlatformFixture.Unique("v"), "participant");
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{popular}/votes", voter, new { })).StatusCode);
        }
        await PlatformFixture.Eventually(async () => (await s.Idea(popular)).GetProperty("supporters").GetInt32() == 2 ? "counted" : null, "the count");

        var all = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?sort=supporters", s.BrandToken));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        // The public sees only the two published ones; the pending one is its author's, the moderators' and the brand's.
        Assert.Equal(2, (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas"))).GetProperty("total").GetInt32());
        Assert.Equal(popular, all.GetProperty("items")[0].GetProperty("id").GetGuid());
        var published = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?status=Published&page=2&pageSize=1"));
        Assert.Equal((2, 1), (published.GetProperty("total").GetInt32(), published.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?sort=random")).StatusCode);
        // Past the last page the total is still the filter's; query values read case-insensitively.
        var beyond = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?page=5&pageSize=1&sort=SUPPORTERS"));
        Assert.Equal((0, 2), (beyond.GetProperty("items").GetArrayLength(), beyond.GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?status=Pending")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_answer_and_appends_nothing_new()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var key = Guid.NewGuid().ToString();
        var first = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken, Body(), idempotencyKey: key);
        var again = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken, Body(), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));

        var reused = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken, Body("A different idea"), idempotencyKey: key);
        await PlatformFixture.AssertRule(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken, Body())).StatusCode);

        var list = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var submissions = await session.Events.QueryRawEventDataOnly<CoCreation.Ideation.Ideas.IdeaSubmitted>().Where(e => e.CampaignId == campaignId).CountAsync();
        Assert.Equal(2, submissions);
    }
}
