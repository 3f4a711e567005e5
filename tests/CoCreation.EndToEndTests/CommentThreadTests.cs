using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

/// <summary>Comments in threads one level deep, edited by their author within ten minutes, deleted by them (issue 16).</summary>
[Collection(PlatformCollection.Name)]
public class CommentThreadTests(PlatformFixture platform)
{
    private async Task<Guid> Post(Guid ideaId, string token, string text, Guid? replyTo = null)
    {
        var posted = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", token, new { text, replyTo });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await PlatformFixture.Json(posted)).GetProperty("id").GetGuid();
    }

    private async Task<Dictionary<Guid, System.Text.Json.JsonElement>> Comments(Guid ideaId) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments"))).EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetGuid(), c => c.Clone());

    [Fact]
    public async Task A_reply_joins_its_thread_the_author_edits_within_ten_minutes_and_deletes_and_others_cannot()
    {
        var s = await new Scenario(platform).WithTokens();
        var idea = await s.PublishedIdea(await s.CreateCampaign());
        var ann = PlatformFixture.Unique("ann");
        var annToken = await platform.TokenFor(ann, "participant");
        var bobToken = await platform.TokenFor(PlatformFixture.Unique("bob"), "participant");

        var root = await Post(idea, annToken, "Does the crane turn all the way round?");
        var reply = await Post(idea, bobToken, "It does, on a ring gear.", root);
        var replyToReply = await Post(idea, annToken, "Thanks!", reply);
        var comments = await Comments(idea);
        Assert.Equal(root, comments[reply].GetProperty("replyTo").GetGuid());
        Assert.Equal(root, comments[replyToReply].GetProperty("replyTo").GetGuid()); // one level: it joins the thread
        Assert.Equal(System.Text.Json.JsonValueKind.Null, comments[root].GetProperty("replyTo").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/comments", annToken, new { text = "Lost", replyTo = Guid.NewGuid() })).StatusCode);

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/comments/{root}", bobToken, new { text = "Hijacked." }), HttpStatusCode.Forbidden, "not-the-author");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Put, $"/api/comments/{root}", annToken, new { text = "Does the crane turn a full circle?" })).StatusCode);
        comments = await Comments(idea);
        Assert.Equal("Does the crane turn a full circle?", comments[root].GetProperty("text").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, comments[root].GetProperty("editedAt").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Put, $"/api/comments/{root}", annToken, new { text = "" })).StatusCode);

        platform.App.Services.GetRequiredService<CoCreation.BuildingBlocks.Time.AppClock>().Advance(TimeSpan.FromMinutes(11));
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/comments/{root}", annToken, new { text = "Too late." }), HttpStatusCode.Conflict, "comment-edit-window-closed");

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Delete, $"/api/comments/{root}", bobToken), HttpStatusCode.Forbidden, "not-the-author");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Delete, $"/api/comments/{root}", annToken)).StatusCode);
        comments = await Comments(idea);
        Assert.True(comments[root].GetProperty("deleted").GetBoolean());
        Assert.Equal("", comments[root].GetProperty("text").GetString());
        Assert.Equal("It does, on a ring gear.", comments[reply].GetProperty("text").GetString()); // the thread stays
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Delete, $"/api/comments/{root}", annToken), HttpStatusCode.Conflict, "comment-deleted");

        // The edit history is the log's: both texts, the edit and the deletion are events of the comment.
        var history = await (await platform.Send(HttpMethod.Get, $"/api/members/me/data.zip", annToken)).Content.ReadAsByteArrayAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(history));
        var events = await new StreamReader(zip.GetEntry("events.json")!.Open()).ReadToEndAsync();
        Assert.Contains("comment_edited", events);
        Assert.Contains("comment_deleted", events);
    }

    [Fact]
    public async Task An_edit_is_screened_again_like_a_new_comment()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaign = await s.CreateCampaign(body: new { title = "Harbour sets, screened", brief = "b", moderation = new { bannedTerms = new[] { "quorvane" } } });
        var idea = await s.PublishedIdea(campaign);
        var token = await platform.TokenFor(PlatformFixture.Unique("ann"), "participant");
        var comment = await Post(idea, token, "A fine crane.");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/comments/{comment}/moderation", s.ModeratorToken)).StatusCode == HttpStatusCode.OK ? "recorded" : null,
            "Moderation recorded the comment");

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Put, $"/api/comments/{comment}", token, new { text = "A fine quorvane crane." })).StatusCode);

        await PlatformFixture.Eventually(async () =>
        {
            var queue = await (await platform.Send(HttpMethod.Get, "/api/moderation/queue", s.ModeratorToken)).Content.ReadAsStringAsync();
            return queue.Contains(comment.ToString()) ? "queued" : null;
        }, "the edited comment in the moderation queue");
    }
}
