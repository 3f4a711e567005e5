using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>
/// The resources and principals the authorization matrix runs against, built once through the API:
/// brand-owner (org acme) runs an open campaign, a draft and a campaign to close; author's public idea has an
/// accepted co-author and a pending invitee, as have a not-yet-moderated idea ("hidden") and a spare idea to
/// withdraw and accept on; a rejected idea of author's to appeal; a helper's queued idea, comment and dispute.
/// </summary>
public sealed class AuthorizationMatrixWorld
{
    private readonly PlatformFixture platform;
    private string helperToken = "";

    private AuthorizationMatrixWorld(PlatformFixture platform) => this.platform = platform;

    /// <summary>The principal's token; none for anonymous.</summary>
    public Dictionary<string, string?> Tokens { get; } = new();
    public Dictionary<string, string> UserIds { get; } = new();
    /// <summary>What a row's target puts into the route's parameter.</summary>
    public Dictionary<string, string> Targets { get; } = new();
    /// <summary>A member nobody in the matrix is: invited by author, banned by moderator.</summary>
    public string StrangerId { get; } = PlatformFixture.Unique("mx-stranger");

    private string Token(string principal) => Tokens[principal]!;

    public static async Task<AuthorizationMatrixWorld> Build(PlatformFixture platform)
    {
        var world = new AuthorizationMatrixWorld(platform);
        await world.Principals();
        await world.Resources();
        return world;
    }

    private async Task Principals()
    {
        Tokens["anonymous"] = null;
        foreach (var (principal, role, org) in new (string, string, string?)[]
                 {
                     ("participant", "participant", null), ("author", "participant", null), ("coauthor", "participant", null),
                     ("invitee", "participant", null), ("moderator", "moderator", null), ("brand-owner", "brand", "acme"),
                     ("brand-other", "brand", "globex"), ("legal", "legal", null), ("admin", "admin", null)
                 })
        {
            UserIds[principal] = PlatformFixture.Unique($"mx-{principal}");
            Tokens[principal] = await IssueToken(UserIds[principal], role, org);
        }
        helperToken = await IssueToken(PlatformFixture.Unique("mx-helper"), "participant", null);
        foreach (var member in new[] { "participant", "author", "coauthor", "invitee" }) await platform.AcceptAgreement(Token(member));
        await platform.AcceptAgreement(helperToken);
    }

    private async Task<string> IssueToken(string userId, string role, string? org)
    {
        var response = await platform.Send(HttpMethod.Post, "/api/dev/tokens",
            body: org is null ? new { userId, name = userId, roles = new[] { role } } : new { userId, name = userId, roles = new[] { role }, org });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task Resources()
    {
        var brand = Token("brand-owner");
        Targets["campaign"] = (await CreateCampaign(brand, open: true)).ToString();
        Targets["draft"] = (await CreateCampaign(brand, open: false)).ToString();
        Targets["closable"] = (await CreateCampaign(brand, open: true)).ToString();
        var campaign = Guid.Parse(Targets["campaign"]);

        var attachment = await Upload(campaign, Token("author"));
        var hiddenAttachment = await Upload(campaign, Token("author"));
        var looseAttachment = await Upload(campaign, Token("author"));
        var idea = await Submit(campaign, Token("author"), "Matrix ferry with a drawbridge", attachment);
        var hidden = await Submit(campaign, Token("author"), "Matrix lighthouse on the rocks", hiddenAttachment);
        var spare = await Submit(campaign, Token("author"), "Matrix crane on the quay");
        var rejected = await Submit(campaign, Token("author"), "Matrix submarine with a periscope");
        var queued = await Submit(campaign, helperToken, "Matrix pier with a carousel");

        await Approve(await QueueItem(idea));
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{idea}/tally")).StatusCode == HttpStatusCode.OK ? "open" : null, "the matrix idea's ballot to open");
        var rejectedItem = await QueueItem(rejected);
        Expect(HttpStatusCode.OK, await platform.Send(HttpMethod.Post, $"/api/moderation/items/{rejectedItem}/decision", Token("moderator"),
            new { decision = "Reject", reasonCode = "off-topic", note = "Matrix" }), "reject the idea to appeal");

        foreach (var id in new[] { idea, hidden, spare }) await CoAuthorAndInvitee(id);
        await PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, $"/api/ideas/{idea}/ownership", Token("legal")) is { StatusCode: HttpStatusCode.OK } r
            && (await PlatformFixture.Json(r)).GetProperty("shares").GetArrayLength() == 2 ? "two" : null, "IntellectualProperty to learn of the co-author");

        var comment = await Created(await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/comments", helperToken, new { text = "Matrix remark" }), "comment");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={comment}", Token("moderator"))).StatusCode == HttpStatusCode.OK ? "known" : null,
            "Moderation to learn of the comment");
        var dispute = await Created(await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/disputes", helperToken,
            new { claim = "Matrix prior art", evidence = "A model from 2019." }), "dispute");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{idea}/sales", brand)).StatusCode == HttpStatusCode.OK ? "terms" : null,
            "Rewards to hold the idea's terms");

        Targets["idea"] = idea.ToString();
        // Insights' projections are async: its rows need it to know the campaign first.
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaign}/insights", brand)).StatusCode == HttpStatusCode.OK ? "known" : null,
            "Insights to know the matrix campaign", seconds: 60);
        // A vote by the helper (no principal of the matrix): its receipt is the helper's, legal's and admin's alone.
        var cast = await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", helperToken);
        Expect(HttpStatusCode.Created, cast, "the helper's vote");
        Targets["vote"] = (await PlatformFixture.Json(cast)).GetProperty("receipt").GetProperty("voteId").GetString()!;
        Targets["hidden"] = hidden.ToString();
        Targets["attachment"] = attachment.ToString();
        Targets["hidden-attachment"] = hiddenAttachment.ToString();
        Targets["loose-attachment"] = looseAttachment.ToString();
        Targets["blocked-sha"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        Targets["spare"] = spare.ToString();
        Targets["comment"] = comment.ToString();
        Targets["pending-item"] = (await QueueItem(queued)).ToString();
        Targets["rejected-item"] = rejectedItem.ToString();
        Targets["dispute"] = dispute.ToString();
        Targets["agreement"] = platform.AgreementVersion;
        Targets["member"] = UserIds["participant"];
        Targets["erasable"] = PlatformFixture.Unique("mx-erasable");
        Targets["public-event"] = (await FirstSeq(campaign, brand)).ToString();
        Targets["draft-event"] = (await FirstSeq(Guid.Parse(Targets["draft"]), brand)).ToString();
        await ReviewRound(brand);
    }

    /// <summary>A campaign that reviews in rounds, with one idea under review in its open round (left undecided, so closing it is refused).</summary>
    private async Task ReviewRound(string brand)
    {
        var campaign = await CreateCampaign(brand, open: true, rounds: true);
        var idea = await Submit(campaign, Token("author"), "Matrix tugboat in review");
        await Approve(await QueueItem(idea));
        async Task Reach(string status) => await PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, $"/api/ideas/{idea}") is { StatusCode: HttpStatusCode.OK } r
            && (await PlatformFixture.Json(r)).GetProperty("status").GetString() == status ? status : null, $"the matrix round's idea {status}");
        await Reach("Published");
        await platform.Publish(new CoCreation.Voting.Contracts.MilestoneReachedIntegrationEvent(idea, campaign, 0, 100, true, [UserIds["author"]], DateTimeOffset.UtcNow));
        await Reach("UnderReview");
        var round = await Created(await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaign}/review-rounds", brand), "review round");
        Targets["rounds-campaign"] = campaign.ToString();
        Targets["round"] = $"{campaign} {round}";
    }

    /// <summary>The sequence number of the campaign's first event, read from its history by the brand that runs it.</summary>
    private async Task<long> FirstSeq(Guid campaignId, string brand) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1", brand)))[0].GetProperty("seq").GetInt64();

    private async Task<Guid> CreateCampaign(string token, bool open, bool rounds = false)
    {
        var id = await Created(await platform.Send(HttpMethod.Post, "/api/campaigns", token,
            new { title = "Matrix harbour campaign", brief = "Harbours.", moderation = new { flagsToHide = 1000 },
                donation = new { cause = "Matrix harbour fund", per = "supporter", amount = 1m, currency = "EUR", cap = 100m }, review = new { rounds } }), "campaign");
        if (open) Expect(HttpStatusCode.OK, await platform.Send(HttpMethod.Post, $"/api/campaigns/{id}/open", token), "open the campaign");
        return id;
    }

    private async Task<Guid> Submit(Guid campaignId, string token, string title, params Guid[] attachments) =>
        await Created(await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token,
            new { title, description = $"{title}, built for the authorization matrix.", tags = new[] { "matrix" }, attachments }), "idea");

    private async Task<Guid> Upload(Guid campaignId, string token) =>
        await Created(await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/attachments", token,
            TestFiles.Form(TestFiles.Png(), "matrix-drawing.png", "image/png")), "attachment");

    private async Task CoAuthorAndInvitee(Guid ideaId)
    {
        Expect(HttpStatusCode.Created, await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", Token("author"), new { userId = UserIds["coauthor"] }), "invite the co-author");
        Expect(HttpStatusCode.OK, await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", Token("coauthor")), "accept co-authorship");
        Expect(HttpStatusCode.Created, await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", Token("author"), new { userId = UserIds["invitee"] }), "invite the invitee");
    }

    private async Task<Guid> QueueItem(Guid subjectId) =>
        Guid.Parse(await PlatformFixture.Eventually(async () =>
        {
            var queue = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", Token("moderator")));
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == subjectId)
                .Select(i => i.GetProperty("id").GetGuid().ToString()).FirstOrDefault();
        }, $"idea {subjectId} to reach the moderation queue"));

    private async Task Approve(Guid itemId) =>
        Expect(HttpStatusCode.OK, await platform.Send(HttpMethod.Post, $"/api/moderation/items/{itemId}/decision", Token("moderator"), new { decision = "Approve" }),
            "approve the idea");

    private static async Task<Guid> Created(HttpResponseMessage response, string what)
    {
        Expect(HttpStatusCode.Created, response, $"create the {what}");
        return (await PlatformFixture.Json(response)).GetProperty("id").GetGuid();
    }

    private static void Expect(HttpStatusCode status, HttpResponseMessage response, string step)
    {
        if (response.StatusCode != status)
            throw new InvalidOperationException(
                $"Building the matrix fixtures: '{step}' answered {(int)response.StatusCode}, expected {(int)status}: {response.Content.ReadAsStringAsync().Result}");
    }
}
