using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Each member's notifications (issue 16): those who author, support or commented on an idea are told when its status
/// changes, authors of its milestones, an invitee of the invitation, a commenter of a reply; nobody of their own act,
/// nobody of another member's feed; read marks and the unread count.
/// </summary>
[Collection(PlatformCollection.Name)]
public class NotificationFeedTests(PlatformFixture platform)
{
    private async Task<JsonElement> Feed(string token) =>
        await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/members/me/notifications?pageSize=100", token));

    private static IEnumerable<JsonElement> Items(JsonElement feed, string kind, Guid? subject = null) =>
        feed.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == kind && (subject is null || i.GetProperty("subjectId").GetGuid() == subject));

    private async Task<JsonElement> FeedWith(string token, string kind, Guid subject, int count = 1)
    {
        var raw = await PlatformFixture.Eventually(async () => { var f = await Feed(token); return Items(f, kind, subject).Count() >= count ? f.GetRawText() : null; },
            $"{count} '{kind}' notification(s)");
        return JsonDocument.Parse(raw).RootElement;
    }

    [Fact]
    public async Task Followers_of_an_idea_are_told_of_its_status_changes_milestone_invitation_and_reply_but_not_of_their_own_acts()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Lighthouse keepers' sets", brief = "Small ladder.", milestones = new[] { new { supporters = 1, withinDays = 30 } } });
        var ideaId = await s.PublishedIdea(campaignId);
        var (supporter, commenter, replier, invitee) = (PlatformFixture.Unique("fan"), PlatformFixture.Unique("talker"), PlatformFixture.Unique("replier"), PlatformFixture.Unique("invitee"));
        var (supporterToken, commenterToken, replierToken, inviteeToken) = (await platform.TokenFor(supporter, "participant"), await platform.TokenFor(commenter, "participant"),
            await platform.TokenFor(replier, "participant"), await platform.TokenFor(invitee, "participant"));

        var comment = (await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", commenterToken, new { text = "Does the lamp turn?" }))).GetProperty("id").GetGuid();
        var reply = (await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", replierToken, new { text = "It should.", replyTo = comment }))).GetProperty("id").GetGuid();
        await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", commenterToken, new { text = "Answering myself.", replyTo = comment });
        var commenterFeed = await FeedWith(commenterToken, "reply", reply);
        Assert.Contains(replier, Items(commenterFeed, "reply").Single().GetProperty("text").GetString());
        Assert.Equal($"/ideas/{ideaId}#comment-{reply}", Items(commenterFeed, "reply").Single().GetProperty("link").GetString());

        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = invitee })).StatusCode);
        var inviteeFeed = await FeedWith(inviteeToken, "coauthor-invitation", ideaId);
        Assert.Equal($"{s.Author} invites you to co-author “Ferry with a drawbridge”.", Items(inviteeFeed, "coauthor-invitation").Single().GetProperty("text").GetString());

        // One vote reaches the only milestone: the idea goes to review; the brand then selects it with a note.
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", supporterToken, new { })).StatusCode);
        await s.AwaitStatus(ideaId, "UnderReview");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected", note = "Into production next spring." })).StatusCode);

        foreach (var follower in new[] { s.AuthorToken, supporterToken, commenterToken, replierToken })
        {
            var statuses = await PlatformFixture.Eventually(async () =>
            {
                var texts = Items(await Feed(follower), "idea-status", ideaId).Select(i => i.GetProperty("text").GetString()!).ToList();
                return texts.Any(t => t.Contains("Selected")) ? texts : null;
            }, "the selection told to every follower");
            Assert.Contains(statuses, t => t.StartsWith("“Ferry with a drawbridge” changed: UnderReview"));
            Assert.Contains("“Ferry with a drawbridge” changed: Selected: Into production next spring.", statuses);
        }
        var authorFeed = await FeedWith(s.AuthorToken, "milestone", ideaId);
        Assert.Equal("“Ferry with a drawbridge” reached milestone 1.", Items(authorFeed, "milestone").Single().GetProperty("text").GetString());
        // The invitee has not accepted: not an author, not told of the status.
        Assert.Empty(Items(await Feed(inviteeToken), "idea-status", ideaId));
        // Nobody is told of their own act: the replier's self-reply, the brand's decision.
        Assert.Single(Items(await Feed(commenterToken), "reply"));
        Assert.Empty(Items(await Feed(s.BrandToken), "idea-status", ideaId));

        // Read marks: one, then all; another member's ids mark nothing of theirs.
        var before = await Feed(s.AuthorToken);
        var unread = before.GetProperty("unread").GetInt32();
        Assert.True(unread >= 3);
        var first = before.GetProperty("items")[0].GetProperty("id").GetGuid();
        var strangerMark = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/members/me/notifications/read", supporterToken, new { ids = new[] { first } }));
        Assert.Equal(unread, (await Feed(s.AuthorToken)).GetProperty("unread").GetInt32());
        var marked = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/members/me/notifications/read", s.AuthorToken, new { ids = new[] { first } }));
        Assert.Equal(unread - 1, marked.GetProperty("unread").GetInt32());
        Assert.True((await Feed(s.AuthorToken)).GetProperty("items")[0].GetProperty("read").GetBoolean());
        Assert.Equal(0, (await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/members/me/notifications/read", s.AuthorToken, new { }))).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await Feed(s.AuthorToken)).GetProperty("unread").GetInt32());
        Assert.True(strangerMark.GetProperty("unread").GetInt32() >= 0);
    }

    [Fact]
    public async Task A_moderation_decision_reaches_the_author_of_the_comment_and_preferences_refuse_bad_input()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Quayside sets", brief = "No adverts.", moderation = new { bannedTerms = new[] { "megadeal" } } });
        var ideaId = await s.PublishedIdea(campaignId);
        var writer = PlatformFixture.Unique("writer");
        var writerToken = await platform.TokenFor(writer, "participant");
        var comment = (await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", writerToken, new { text = "Buy the megadeal kit today." }))).GetProperty("id").GetGuid();
        // The campaign's own banned word sends the comment to the queue (it stays public until a moderator decides).
        var item = await PlatformFixture.Eventually(async () =>
        {
            var queue = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", s.ModeratorToken));
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == comment).Select(i => i.GetProperty("id").GetGuid().ToString()).FirstOrDefault();
        }, "the comment in the queue");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", s.ModeratorToken,
            new { decision = "Hide", reasonCode = "spam", note = "Looks like an advert." })).StatusCode);
        var feed = await FeedWith(writerToken, "moderation-decision", comment);
        var told = Items(feed, "moderation-decision", comment).Single();
        Assert.Contains("Hidden: Looks like an advert.", told.GetProperty("text").GetString());
        Assert.Equal($"/ideas/{ideaId}#appeal", told.GetProperty("link").GetString());

        var bad = await platform.Send(HttpMethod.Put, "/api/members/me/notification-preferences", writerToken, new { email = "not an address", deliveries = new Dictionary<string, string> { ["reply"] = "pigeon" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await PlatformFixture.Json(bad)).GetProperty("errors").TryGetProperty("email", out _));
        var saved = await PlatformFixture.Json(await platform.Send(HttpMethod.Put, "/api/members/me/notification-preferences", writerToken,
            new { email = "writer@example.org", deliveries = new Dictionary<string, string> { ["reply"] = "email" } }));
        Assert.Equal("email", saved.GetProperty("deliveries").GetProperty("reply").GetString());
        Assert.Equal("in-app", saved.GetProperty("deliveries").GetProperty("milestone").GetString());
        var read = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/members/me/notification-preferences", writerToken));
        Assert.Equal("writer@example.org", read.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, "/api/members/me/notifications")).StatusCode);
    }
}
