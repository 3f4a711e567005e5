using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class ModerationTests(PlatformFixture platform)
{
    private async Task<(Guid Id, HttpResponseMessage Response)> Submit(Guid campaignId, string token, string title, string description)
    {
        var response = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token, new { title, description, tags = new[] { "harbour" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await PlatformFixture.Json(response)).GetProperty("id").GetGuid(), response);
    }

    private async Task<List<JsonElement>> Queue(Scenario s) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", s.ModeratorToken))).EnumerateArray().ToList();

    private async Task<List<JsonElement>> Log(Guid subjectId, string token) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={subjectId}", token))).EnumerateArray().ToList();

    private Task<HttpResponseMessage> Decide(Scenario s, Guid itemId, string decision, string? reasonCode = null) =>
        platform.Send(HttpMethod.Post, $"/api/moderation/items/{itemId}/decision", s.ModeratorToken, new { decision, reasonCode, note = "checked" });

    [Fact]
    public async Task Screening_attaches_findings_to_queue_items_oldest_first_and_rejects_clear_cut_spam_at_once()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "Harbour lights", brief = "Lighthouses and beacons.", moderation = new { flagsToHide = 3, bannedTerms = new[] { "brickbusters" } }
        });
        var (original, _) = await Submit(campaignId, s.AuthorToken, "Lighthouse on the rocks",
            "A lighthouse with a rotating lamp and a keeper's cottage on a rocky island, with a small jetty.");
        var (copy, _) = await Submit(campaignId, s.AuthorToken, "Lighthouse on the rocks!",
            "A LIGHTHOUSE with a rotating lamp and a keeper's cottage on a rocky island, with a small jetty.");
        var (noisy, _) = await Submit(campaignId, s.AuthorToken, "Beacon by BrickBustërs",
            "Links: https://a.example/1 https://b.example/2 https://c.example/3 https://d.example/4");
        var (spam, _) = await Submit(campaignId, s.AuthorToken, "Cheap bricks here", "Buy at https://www.cheap-bricks.example/deal now");

        await s.AwaitStatus(spam, "Rejected");
        var timeline = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{spam}/timeline", s.ModeratorToken));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("status").GetString() == "Rejected" && e.GetProperty("actor").GetString() == "screening");

        var queue = await PlatformFixture.Eventually(async () =>
        {
            var items = (await Queue(s)).Where(i => new[] { original, copy, noisy }.Contains(i.GetProperty("subjectId").GetGuid())).ToList();
            return items.Count == 3 ? items : null;
        }, "the three ideas to reach the queue");
        Assert.Equal([original, copy, noisy], queue.Select(i => i.GetProperty("subjectId").GetGuid()));
        Assert.DoesNotContain(await Queue(s), i => i.GetProperty("subjectId").GetGuid() == spam);
        Assert.Empty(queue[0].GetProperty("screening").EnumerateArray());
        var duplicate = Assert.Single(queue[1].GetProperty("screening").EnumerateArray());
        Assert.Equal(("near-duplicate", original), (duplicate.GetProperty("kind").GetString(), duplicate.GetProperty("originalId").GetGuid()));
        var kinds = queue[2].GetProperty("screening").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["banned-term", "link-spam"], kinds);
        Assert.All(queue, i => Assert.Equal(0, i.GetProperty("flags").GetInt32()));

        // A moderator clears the queue: each decision reaches Ideation through messages.
        Assert.Equal(HttpStatusCode.OK, (await Decide(s, queue[0].GetProperty("id").GetGuid(), "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Decide(s, queue[1].GetProperty("id").GetGuid(), "Reject", "duplicate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Decide(s, queue[2].GetProperty("id").GetGuid(), "Reject", "spam")).StatusCode);
        await s.AwaitStatus(original, "Published");
        await s.AwaitStatus(copy, "Rejected");
        await s.AwaitStatus(noisy, "Rejected");
        Assert.DoesNotContain(await Queue(s), i => i.GetProperty("campaignId").GetGuid() == campaignId);
    }

    [Fact]
    public async Task Flags_hide_a_comment_and_an_idea_at_the_threshold_and_an_appeal_gets_one_final_second_decision()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Ferries", brief = "Boats.", moderation = new { flagsToHide = 2 } });
        var ideaId = await s.PublishedIdea(campaignId);
        var commenter = await platform.TokenFor(PlatformFixture.Unique("talker"), "participant");
        var flaggers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => platform.TokenFor(PlatformFixture.Unique("flagger"), "participant")));

        var posted = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", commenter, new { text = "Rude remark" });
        var commentId = (await PlatformFixture.Json(posted)).GetProperty("id").GetGuid();
        Task<HttpResponseMessage> FlagComment(string token) => platform.Send(HttpMethod.Post, $"/api/comments/{commentId}/flags", token, new { reason = "rude" });
        var first = await PlatformFixture.Eventually(async () => await FlagComment(flaggers[0]) is { StatusCode: HttpStatusCode.Created } r ? r : null,
            "Moderation to learn of the comment");
        Assert.Equal((1, false), ((await PlatformFixture.Json(first)).GetProperty("flags").GetInt32(), (await PlatformFixture.Json(first)).GetProperty("hidden").GetBoolean()));
        await PlatformFixture.AssertRule(await FlagComment(flaggers[0]), HttpStatusCode.Conflict, "already-flagged");
        await PlatformFixture.AssertRule(await FlagComment(commenter), HttpStatusCode.Conflict, "own-subject");
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/comments/{commentId}/flags", flaggers[1], new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, $"/api/comments/{Guid.NewGuid()}/flags", flaggers[1], new { reason = "x" })).StatusCode);
        Assert.True((await PlatformFixture.Json(await FlagComment(flaggers[1]))).GetProperty("hidden").GetBoolean());
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments"))).GetArrayLength() == 0 ? "hidden" : null,
            "the flagged comment to leave the public list");

        var commentItem = (await Queue(s)).Single(i => i.GetProperty("subjectId").GetGuid() == commentId);
        Assert.Equal(("flagged", 2), (commentItem.GetProperty("reason").GetString(), commentItem.GetProperty("flags").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await Decide(s, commentItem.GetProperty("id").GetGuid(), "Approve")).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments"))).GetArrayLength() == 1 ? "back" : null,
            "the approved comment to return");

        // The idea: two flags hide it, a moderator hides it for good reason, the author appeals once.
        foreach (var flagger in flaggers)
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/flags", flagger, new { reason = "copied" })).StatusCode);
        await s.AwaitStatus(ideaId, "Hidden");
        var ideaItem = (await Queue(s)).Single(i => i.GetProperty("subjectId").GetGuid() == ideaId);
        var itemId = ideaItem.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Decide(s, itemId, "Hide", "ip-infringement")).StatusCode);

        var appeal = $"/api/moderation/items/{itemId}/appeal";
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, appeal, flaggers[0], new { statement = "Not mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, appeal, s.AuthorToken, new { statement = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, appeal, s.AuthorToken, new { statement = "I designed it myself; sketches attached." })).StatusCode);
        var appealed = (await Queue(s)).Single(i => i.GetProperty("id").GetGuid() == itemId);
        Assert.True(appealed.GetProperty("appeal").GetBoolean());
        Assert.StartsWith("I designed it", appealed.GetProperty("appealStatement").GetString());
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, appeal, s.AuthorToken, new { statement = "Again" }), HttpStatusCode.Conflict, "already-appealed");

        var final = await PlatformFixture.Json(await Decide(s, itemId, "Approve"));
        Assert.True(final.GetProperty("final").GetBoolean());
        await s.AwaitStatus(ideaId, "Published");
        await PlatformFixture.AssertRule(await Decide(s, itemId, "Hide", "spam"), HttpStatusCode.Conflict, "decision-final");

        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var log = await Log(ideaId, legal);
        Assert.Equal(["Recorded", "Screened", "Decided", "Flagged", "Flagged", "HiddenByFlags", "Queued", "Decided", "Appealed", "Decided"],
            log.Select(e => e.GetProperty("action").GetString()));
        Assert.Contains("final", log[^1].GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={ideaId}", s.AuthorToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, "/api/moderation/log", legal)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={Guid.NewGuid()}", legal)).StatusCode);
    }

    [Fact]
    public async Task A_ban_hides_the_members_pending_ideas_discounts_their_votes_and_is_in_the_log()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var published = await s.PublishedIdea(campaignId);
        var mallory = PlatformFixture.Unique("mallory");
        var malloryToken = await platform.TokenFor(mallory, "participant");
        await platform.AcceptAgreement(malloryToken);
        var (pending, _) = await Submit(campaignId, malloryToken, "A suspicious harbour", "Totally original harbour design.");
        await s.QueueItemFor(pending);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/votes", malloryToken, new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, "/api/moderation/bans", malloryToken, new { userId = mallory, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/moderation/bans", s.ModeratorToken, new { userId = mallory })).StatusCode);
        var banned = await platform.Send(HttpMethod.Post, "/api/moderation/bans", s.ModeratorToken, new { userId = mallory, reason = "vote rings" });
        Assert.Equal(HttpStatusCode.Created, banned.StatusCode);
        Assert.Equal(1, (await PlatformFixture.Json(banned)).GetProperty("pendingItemsHidden").GetInt32());
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, "/api/moderation/bans", s.ModeratorToken, new { userId = mallory, reason = "again" }),
            HttpStatusCode.Conflict, "already-banned");

        await s.AwaitStatus(pending, "Hidden");
        Assert.DoesNotContain(await Queue(s), i => i.GetProperty("subjectId").GetGuid() == pending);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{published}/tally", s.ModeratorToken))).GetProperty("supporters").GetInt32() == 0 ? "discounted" : null,
            "Voting to discount the banned member's vote");
        var log = await Log(pending, s.ModeratorToken);
        Assert.Equal(["Recorded", "Screened", "AuthorBanned", "Decided"], log.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(s.Moderator, log[^1].GetProperty("actor").GetString());
        Assert.Contains("final", log[^1].GetProperty("detail").GetString());
    }
}

[Collection(PlatformCollection.Name)]
public class ModerationAndLifecycleTests(PlatformFixture platform)
{
    private async Task<List<JsonElement>> Queue(Scenario s) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", s.ModeratorToken))).EnumerateArray().ToList();

    private async Task FlagUntilHidden(Guid ideaId, int flags)
    {
        for (var i = 0; i < flags; i++)
        {
            var token = await platform.TokenFor(PlatformFixture.Unique("flagger"), "participant");
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/flags", token, new { reason = "copied" })).StatusCode);
        }
    }

    [Fact]
    public async Task Approving_what_flags_hid_restores_the_status_before_and_never_undoes_an_upheld_dispute()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Cranes", brief = "Harbour cranes.", moderation = new { flagsToHide = 1 } });
        var reviewed = await s.PublishedIdea(campaignId);
        await platform.Publish(new CoCreation.Voting.Contracts.MilestoneReachedIntegrationEvent(reviewed, campaignId, 0, 100, true, [s.Author], DateTimeOffset.UtcNow));
        await s.AwaitStatus(reviewed, "UnderReview");
        await FlagUntilHidden(reviewed, 1);
        await s.AwaitStatus(reviewed, "Hidden");
        var item = (await Queue(s)).Single(i => i.GetProperty("subjectId").GetGuid() == reviewed).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", s.ModeratorToken, new { decision = "Approve" })).StatusCode);
        await s.AwaitStatus(reviewed, "UnderReview");

        // Flags hide it, legal upholds a dispute meanwhile: the moderator's approval leaves it hidden.
        var disputed = await s.PublishedIdea(campaignId);
        // The dispute is opened while the idea is public (once hidden, it no longer exists for outsiders).
        var rival = await platform.TokenFor(PlatformFixture.Unique("rival"), "participant");
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var dispute = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{disputed}/disputes", rival, new { claim = "Copy", evidence = "Our set 42" }));
        await FlagUntilHidden(disputed, 1);
        await s.AwaitStatus(disputed, "Hidden");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{dispute.GetProperty("id").GetGuid()}/resolution", legal, new { outcome = "Upheld" })).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{disputed}/timeline", s.ModeratorToken))).EnumerateArray()
                .Count(e => e.GetProperty("status").GetString() == "Hidden") == 2 ? "both" : null, "the dispute's hold");
        var flagItem = (await Queue(s)).Single(i => i.GetProperty("subjectId").GetGuid() == disputed).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{flagItem}/decision", s.ModeratorToken, new { decision = "Approve" })).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{disputed}/timeline", s.ModeratorToken))).EnumerateArray()
                .Any(e => e.GetProperty("note").GetString()?.Contains("others keep it hidden") == true) ? "lifted one" : null, "the flag hold to be lifted");
        Assert.Equal("Hidden", await s.StatusOf(disputed));

        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{flagItem}/decision", s.ModeratorToken,
            new { decision = "Reject, Hide" })).StatusCode);
    }

    [Fact]
    public async Task A_rejected_comment_leaves_the_public_list_and_what_a_ban_hid_cannot_be_appealed()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var rude = PlatformFixture.Unique("rude");
        var rudeToken = await platform.TokenFor(rude, "participant");
        await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", rudeToken, new { text = "You idiot, this is ugly" });
        var item = await PlatformFixture.Eventually(async () =>
            (await Queue(s)).Where(i => i.GetProperty("reason").GetString() == "comment-screening" && i.GetProperty("author").GetString() == rude)
            .Select(i => i.GetProperty("id").GetGuid().ToString()).FirstOrDefault(), "screening to queue the rude comment");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", s.ModeratorToken,
            new { decision = "Reject", reasonCode = "offensive" })).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments"))).GetArrayLength() == 0 ? "gone" : null,
            "the rejected comment to leave the public list");

        // A co-authored pending idea of a banned member: the ban hides its item for good.
        var pending = (await s.SubmitIdea(campaignId)).IdeaId;
        await s.QueueItemFor(pending);
        var banned = await platform.Send(HttpMethod.Post, "/api/moderation/bans", s.ModeratorToken, new { userId = s.Author, reason = "sock puppets" });
        Assert.Equal(HttpStatusCode.Created, banned.StatusCode);
        var hidden = await PlatformFixture.Eventually(async () =>
        {
            var log = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={pending}", s.ModeratorToken))).EnumerateArray().ToList();
            return log.FirstOrDefault(e => e.GetProperty("action").GetString() == "Decided").ValueKind == JsonValueKind.Object
                ? log.First(e => e.GetProperty("action").GetString() == "Decided").GetProperty("itemId").GetGuid().ToString() : null;
        }, "the ban to hide the pending item");
        var appeal = await platform.Send(HttpMethod.Post, $"/api/moderation/items/{hidden}/appeal", s.AuthorToken, new { statement = "Let me back" });
        Assert.Equal(HttpStatusCode.Conflict, appeal.StatusCode);
        Assert.EndsWith("/problems/decision-final", (await PlatformFixture.Json(appeal)).GetProperty("type").GetString());
    }
}
