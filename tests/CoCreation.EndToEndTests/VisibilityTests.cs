using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Who sees an idea that is not public (Submitted, Rejected, Hidden, Withdrawn), and a comment moderation took out of view:
/// its authors, moderators, legal and the brand that runs the campaign; anyone else is told it does not exist, on the
/// detail, the campaign's list under every filter, the timeline, the comments and the tally.
/// </summary>
[Collection(PlatformCollection.Name)]
public class VisibilityTests(PlatformFixture platform)
{
    private static readonly string[] Insiders = ["author", "moderator", "legal", "brand-owner"];
    private static readonly string[] Outsiders = ["anonymous", "member", "brand-other"];

    private sealed record World(Scenario S, Guid CampaignId, Dictionary<string, Guid> Ideas, Guid HiddenComment, Guid PublicIdea, Dictionary<string, string?> Tokens,
        Guid HiddenIdeaComment);

    private async Task<World> Build()
    {
        var s = await new Scenario(platform).WithTokens();
        var org = PlatformFixture.Unique("vis");
        var owner = await platform.TokenForOrg(PlatformFixture.Unique("owner"), org, "brand");
        var tokens = new Dictionary<string, string?>
        {
            ["anonymous"] = null,
            ["member"] = await platform.TokenFor(PlatformFixture.Unique("member"), "participant"),
            ["author"] = s.AuthorToken,
            ["moderator"] = s.ModeratorToken,
            ["legal"] = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal"),
            ["brand-owner"] = owner,
            ["brand-other"] = await platform.TokenForOrg(PlatformFixture.Unique("other"), PlatformFixture.Unique("globex"), "brand")
        };
        var created = await platform.Send(HttpMethod.Post, "/api/campaigns", owner,
            new { title = "Visibility of what is not public", brief = "Sets.", moderation = new { flagsToHide = 1 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await PlatformFixture.Json(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", owner)).StatusCode);

        var ideas = new Dictionary<string, Guid>();
        (ideas["Submitted"], _) = await s.SubmitIdea(campaignId);

        var (rejected, _) = await s.SubmitIdea(campaignId);
        var item = await s.QueueItemFor(rejected);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item.GetProperty("id").GetGuid()}/decision", s.ModeratorToken,
            new { decision = "Reject", reasonCode = "off-topic" })).StatusCode);
        await s.AwaitStatus(rejected, "Rejected");
        ideas["Rejected"] = rejected;

        var hidden = await s.PublishedIdea(campaignId);
        var beforeHidden = await platform.Send(HttpMethod.Post, $"/api/ideas/{hidden}/comments", tokens["member"], new { text = "Before it was hidden" });
        Assert.Equal(HttpStatusCode.Created, beforeHidden.StatusCode);
        var hiddenIdeaComment = (await PlatformFixture.Json(beforeHidden)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{hidden}/flags", tokens["member"], new { reason = "copied" })).StatusCode);
        await s.AwaitStatus(hidden, "Hidden");
        ideas["Hidden"] = hidden;

        var withdrawn = await s.PublishedIdea(campaignId);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{withdrawn}/withdraw", s.AuthorToken)).StatusCode);
        await s.AwaitStatus(withdrawn, "Withdrawn");
        ideas["Withdrawn"] = withdrawn;

        // A public idea whose one comment a flag took out of view.
        var open = await s.PublishedIdea(campaignId);
        var commenter = await platform.TokenFor(PlatformFixture.Unique("commenter"), "participant");
        var comment = (await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{open}/comments", commenter, new { text = "Hidden remark" })))
            .GetProperty("id").GetGuid();
        // Moderation records the comment from Ideation's message; flag it once it knows it.
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Post, $"/api/comments/{comment}/flags", tokens["member"], new { reason = "rude" })).StatusCode == HttpStatusCode.Created ? "flagged" : null,
            "Moderation to take the flag");
        tokens["comment-author"] = commenter;
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{open}/comments"))).GetArrayLength() == 0 ? "hidden" : null,
            "the flagged comment to leave the public list");
        // Ballots follow the idea's status through Voting's own messages.
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{hidden}/tally")).StatusCode == HttpStatusCode.NotFound
            && (await platform.Send(HttpMethod.Get, $"/api/ideas/{withdrawn}/tally")).StatusCode == HttpStatusCode.NotFound ? "closed" : null,
            "Voting to learn the ideas are no longer public");
        return new World(s, campaignId, ideas, comment, open, tokens, hiddenIdeaComment);
    }

    private async Task<HttpStatusCode> Status(string path, string? token) => (await platform.Send(HttpMethod.Get, path, token)).StatusCode;

    private async Task<HashSet<Guid>> Listed(Guid campaignId, string query, string? token)
    {
        var response = await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?pageSize=100{query}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await PlatformFixture.Json(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
    }

    [Fact]
    public async Task Ideas_that_are_not_public_exist_only_for_their_authors_moderators_legal_and_the_campaigns_brand()
    {
        var w = await Build();
        var failures = new List<string>();
        void Expect(bool ok, string what) { if (!ok) failures.Add(what); }

        foreach (var (status, ideaId) in w.Ideas)
        {
            foreach (var who in Insiders.Concat(Outsiders))
            {
                var token = w.Tokens[who];
                var insider = Insiders.Contains(who);
                foreach (var read in new[] { "", "/timeline", "/comments" })
                {
                    var got = await Status($"/api/ideas/{ideaId}{read}", token);
                    Expect(insider ? got == HttpStatusCode.OK : got == HttpStatusCode.NotFound, $"{status} GET /api/ideas/{{id}}{read} as {who}: {got}");
                }
                var tally = await Status($"/api/ideas/{ideaId}/tally", token);
                // A ballot exists once an idea was published: Hidden and Withdrawn have one, Submitted and Rejected none yet.
                var hasBallot = status is "Hidden" or "Withdrawn";
                Expect(insider && hasBallot ? tally == HttpStatusCode.OK : tally == HttpStatusCode.NotFound, $"{status} GET tally as {who}: {tally}");

                foreach (var filter in new[] { "", $"&status={status}", $"&status={status.ToLowerInvariant()}", "&sort=supporters" })
                {
                    var listed = (await Listed(w.CampaignId, filter, token)).Contains(ideaId);
                    Expect(listed == insider, $"{status} in the list{filter} as {who}: {(listed ? "listed" : "not listed")}");
                }
            }
        }
        // The hidden idea's comment went out of view with it: an outsider can neither flag it nor read its moderation.
        Expect(await Status($"/api/ideas/{w.Ideas["Hidden"]}/comments", null) == HttpStatusCode.NotFound, "comments of the hidden idea to anonymous");
        var outsider = await platform.TokenFor(PlatformFixture.Unique("outsider"), "participant");
        var flag = await platform.Send(HttpMethod.Post, $"/api/comments/{w.HiddenIdeaComment}/flags", outsider, new { reason = "rude" });
        Expect(flag.StatusCode == HttpStatusCode.NotFound, $"flag on a comment of the hidden idea: {flag.StatusCode}");
        var moderation = await platform.Send(HttpMethod.Get, $"/api/comments/{w.HiddenIdeaComment}/moderation", outsider);
        Expect(moderation.StatusCode == HttpStatusCode.NotFound, $"moderation of a comment of the hidden idea: {moderation.StatusCode}");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_comment_moderation_took_out_of_view_is_seen_by_its_author_moderators_legal_and_the_brand_only()
    {
        var w = await Build();
        foreach (var who in new[] { "comment-author", "moderator", "legal", "brand-owner", "anonymous", "member", "author", "brand-other" })
        {
            var comments = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{w.PublicIdea}/comments", w.Tokens[who]));
            var seen = comments.EnumerateArray().Where(c => c.GetProperty("id").GetGuid() == w.HiddenComment).ToList();
            if (who is "comment-author" or "moderator" or "legal" or "brand-owner")
                Assert.True(Assert.Single(seen).GetProperty("hidden").GetBoolean(), who);
            else
                Assert.True(seen.Count == 0, $"{who} sees the hidden comment");
        }
    }

    [Fact]
    public async Task A_draft_campaign_is_listed_and_readable_only_by_the_organisation_that_runs_it()
    {
        var org = PlatformFixture.Unique("draft");
        var owner = await platform.TokenForOrg(PlatformFixture.Unique("owner"), org, "brand");
        var colleague = await platform.TokenForOrg(PlatformFixture.Unique("colleague"), org, "brand");
        var rival = await platform.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("rival"), "brand");
        var moderator = await platform.TokenFor(PlatformFixture.Unique("mod"), "moderator");
        var created = await platform.Send(HttpMethod.Post, "/api/campaigns", owner, new { title = "A draft no one else sees", brief = "Secret sets." });
        var id = (await PlatformFixture.Json(created)).GetProperty("id").GetGuid();

        async Task<bool> Lists(string? token) =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/campaigns", token))).EnumerateArray().Any(c => c.GetProperty("id").GetGuid() == id);

        Assert.True(await Lists(owner));
        Assert.True(await Lists(colleague));
        Assert.Equal(HttpStatusCode.OK, await Status($"/api/campaigns/{id}", colleague));
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        Assert.Equal(HttpStatusCode.NotFound, await Status($"/api/campaigns/{id}/history", legal));
        Assert.Equal(HttpStatusCode.NotFound, await Status($"/api/campaigns/{id}/state", legal));
        foreach (var outsider in new[] { null, rival, moderator })
        {
            Assert.False(await Lists(outsider));
            Assert.Equal(HttpStatusCode.NotFound, await Status($"/api/campaigns/{id}", outsider));
            Assert.Equal(HttpStatusCode.NotFound, await Status($"/api/campaigns/{id}/ideas", outsider));
        }
        // Another brand cannot run it either, and is not told it exists.
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/campaigns/{id}/open", rival), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{id}/open", colleague)).StatusCode);
        Assert.True(await Lists(null));
    }

    [Fact]
    public async Task A_brand_member_does_not_vote_in_a_campaign_of_their_own_organisation()
    {
        var w = await Build();
        var org = await CampaignOrganisationOf(w);
        var insiderVoter = await platform.TokenForOrg(PlatformFixture.Unique("staff"), org, "brand", "participant");
        var outsiderVoter = await platform.TokenForOrg(PlatformFixture.Unique("fan"), PlatformFixture.Unique("other"), "brand", "participant");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{w.PublicIdea}/votes", insiderVoter, new { }), HttpStatusCode.Conflict, "own-organisation");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{w.PublicIdea}/votes", outsiderVoter, new { })).StatusCode);
    }

    private async Task<string> CampaignOrganisationOf(World w)
    {
        var campaign = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{w.CampaignId}"));
        return campaign.GetProperty("organisation").GetString()!;
    }
}
