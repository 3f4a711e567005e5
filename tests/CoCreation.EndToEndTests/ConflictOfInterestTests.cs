using System.Net;

namespace CoCreation.EndToEndTests;

/// <summary>Nobody judges their own work: moderators, legal, brands; and shares and appeals reach only those they concern.</summary>
[Collection(PlatformCollection.Name)]
public class ConflictOfInterestTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_moderator_who_wrote_an_idea_cannot_decide_its_item_and_another_moderator_can()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var both = PlatformFixture.Unique("modauthor");
        var bothToken = await platform.TokenFor(both, "participant", "moderator");
        await platform.AcceptAgreement(bothToken);
        var (ideaId, _) = await s.SubmitIdea(campaignId, token: bothToken);
        var item = (await s.QueueItemFor(ideaId)).GetProperty("id").GetGuid();

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", bothToken, new { decision = "Approve" }),
            HttpStatusCode.Forbidden, "own-subject");
        Assert.Equal("Submitted", await s.StatusOf(ideaId));
        Assert.Equal(HttpStatusCode.OK, (await s.Approve(item)).StatusCode);
        await s.AwaitStatus(ideaId, "Published");
    }

    [Fact]
    public async Task A_co_author_who_moderates_cannot_decide_the_ideas_next_item()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var (ideaId, _) = await s.SubmitIdea(campaignId);
        var co = PlatformFixture.Unique("comod");
        var coToken = await platform.TokenFor(co, "participant", "moderator");
        await platform.AcceptAgreement(coToken);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = co })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", coToken)).StatusCode);
        var item = (await s.QueueItemFor(ideaId)).GetProperty("id").GetGuid();
        // The same member without the moderator role reads the idea's decisions once Moderation knows them as an author.
        var asParticipant = await platform.TokenFor(co, "participant");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/moderation", asParticipant)).StatusCode == HttpStatusCode.OK ? "known" : null,
            "Moderation to learn of the co-author");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", coToken, new { decision = "Approve" }),
            HttpStatusCode.Forbidden, "own-subject");
        Assert.Equal("Submitted", await s.StatusOf(ideaId));
    }

    [Fact]
    public async Task Legal_does_not_resolve_a_dispute_it_opened()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var claimant = await platform.TokenFor(PlatformFixture.Unique("legalclaim"), "participant", "legal");
        var dispute = (await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/disputes", claimant,
            new { claim = "Our prior set", evidence = "Catalogue 2019" }))).GetProperty("id").GetGuid();
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{dispute}/resolution", claimant, new { outcome = "Dismissed" }),
            HttpStatusCode.Forbidden, "own-dispute");
        // Nor does a legal member who contributed to the idea.
        var authorInLegal = await platform.TokenFor(s.Author, "participant", "legal");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{dispute}/resolution", authorInLegal, new { outcome = "Dismissed" }),
            HttpStatusCode.Forbidden, "own-idea");
        var colleague = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{dispute}/resolution", colleague, new { outcome = "dismissed" })).StatusCode);
    }

    [Fact]
    public async Task Only_authors_and_accepted_co_authors_propose_a_split_and_shares_are_for_contributors_legal_and_the_brand()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var invitee = PlatformFixture.Unique("inv");
        var inviteeToken = await platform.TokenFor(invitee, "participant");
        await platform.AcceptAgreement(inviteeToken);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = invitee })).StatusCode);

        var stranger = await platform.TokenFor(PlatformFixture.Unique("stranger"), "participant");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", stranger)).StatusCode == HttpStatusCode.Forbidden ? "public" : null,
            "IntellectualProperty to learn the idea is public");
        var split = new { shares = new[] { new { userId = s.Author, percent = 100m } } };
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", inviteeToken, split), HttpStatusCode.Forbidden, "not-an-author");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", inviteeToken), HttpStatusCode.Forbidden, "not-a-contributor");

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership")).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", stranger), HttpStatusCode.Forbidden, "not-a-contributor");
        var rivalBrand = await platform.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("rival"), "brand");
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", rivalBrand)).StatusCode);
        foreach (var reader in new[] { s.AuthorToken, s.BrandToken, await platform.TokenFor(PlatformFixture.Unique("legal"), "legal") })
            Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", reader)).StatusCode);
    }

    [Fact]
    public async Task An_author_finds_the_decision_on_their_idea_and_appeals_it_without_a_moderator()
    {
        var s = await new Scenario(platform).WithTokens();
        var (ideaId, _) = await s.SubmitIdea(await s.CreateCampaign());
        var item = (await s.QueueItemFor(ideaId)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", s.ModeratorToken,
            new { decision = "Reject", reasonCode = "off-topic", note = "Not a set" })).StatusCode);

        var decisions = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/moderation", s.AuthorToken));
        var decision = Assert.Single(decisions.EnumerateArray());
        Assert.Equal((item, "Reject", "off-topic", "Not a set", true),
            (decision.GetProperty("itemId").GetGuid(), decision.GetProperty("decision").GetString(), decision.GetProperty("reasonCode").GetString(),
                decision.GetProperty("note").GetString(), decision.GetProperty("appealable").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{decision.GetProperty("itemId").GetGuid()}/appeal", s.AuthorToken,
            new { statement = "It is a set: see the parts list." })).StatusCode);

        var stranger = await platform.TokenFor(PlatformFixture.Unique("stranger"), "participant");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/moderation", stranger), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Another_brand_cannot_run_close_decide_or_read_a_campaigns_votes_history_and_state()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var rival = await platform.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("rival"), "brand");
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Post, $"/api/campaigns/{campaignId}/close", null),
                     (HttpMethod.Post, $"/api/ideas/{ideaId}/decision", new { outcome = "Selected" }),
                     (HttpMethod.Post, $"/api/ideas/{ideaId}/updates", new { note = "Ours now" }),
                     (HttpMethod.Post, $"/api/ideas/{ideaId}/sales", new { period = "2027-Q1", netSales = 10m, currency = "EUR" }),
                     (HttpMethod.Get, $"/api/ideas/{ideaId}/sales", null),
                     (HttpMethod.Get, $"/api/ideas/{ideaId}/votes", null),
                     (HttpMethod.Get, $"/api/campaigns/{campaignId}/history", null),
                     (HttpMethod.Get, $"/api/campaigns/{campaignId}/state", null)
                 })
            await PlatformFixture.AssertRule(await platform.Send(method, path, rival, body), HttpStatusCode.NotFound, "not-found");
        Assert.Equal("Open", (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}"))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history", s.BrandToken)).StatusCode);

        // The ownership is in the campaign's own events, so the audit can tell who ran it.
        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1", s.BrandToken));
        var created = history.EnumerateArray().First();
        Assert.Equal("campaign_created", created.GetProperty("type").GetString());
        Assert.Equal($"member:{s.Brand}", created.GetProperty("data").GetProperty("organisation").GetString());
    }
}
