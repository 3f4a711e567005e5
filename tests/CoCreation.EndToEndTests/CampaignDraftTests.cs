using System.Net;

namespace CoCreation.EndToEndTests;

/// <summary>A draft campaign is its brand's to edit until it opens; then its rules stay fixed (issue 16).</summary>
[Collection(PlatformCollection.Name)]
public class CampaignDraftTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_brand_edits_its_draft_until_it_opens_and_the_opened_campaign_carries_the_edited_rules()
    {
        var s = await new Scenario(platform).WithTokens();
        var draft = await s.CreateCampaign(open: false, body: new { title = "Harbour sets, first try", brief = "To be written." });

        var edited = await platform.Send(HttpMethod.Put, $"/api/campaigns/{draft}", s.BrandToken, new
        {
            title = "Harbour sets of tomorrow", brief = "Ports, ferries and cranes.",
            voting = new { mode = "support", budgetPerMember = 3 }, submissions = new { perMember = 1 }
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var campaign = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}", s.BrandToken));
        Assert.Equal(("Harbour sets of tomorrow", "Ports, ferries and cranes.", "Draft"),
            (campaign.GetProperty("title").GetString(), campaign.GetProperty("brief").GetString(), campaign.GetProperty("status").GetString()));
        Assert.Equal(3, campaign.GetProperty("rules").GetProperty("voting").GetProperty("budgetPerMember").GetInt32());

        // A refused edit writes nothing.
        var invalid = await platform.Send(HttpMethod.Put, $"/api/campaigns/{draft}", s.BrandToken, new { title = "Hi", brief = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var rival = await platform.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("org"), "brand");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Put, $"/api/campaigns/{draft}", rival, new { title = "Taken over sets", brief = "Mine now." })).StatusCode);
        Assert.Equal("Harbour sets of tomorrow", (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}", s.BrandToken))).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{draft}/open", s.BrandToken)).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Put, $"/api/campaigns/{draft}", s.BrandToken, new { title = "Harbour sets, changed mid-vote", brief = "No." }),
            HttpStatusCode.Conflict, "campaign-not-draft");

        // The edited cap holds once open: the draft's rules are the campaign's.
        await s.SubmitIdea(draft);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/campaigns/{draft}/ideas", s.AuthorToken,
            new { title = "A second harbour idea", description = "Over the cap.", tags = Array.Empty<string>() }), HttpStatusCode.Conflict, "submission-cap-reached");
        var history = await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}/history?limit=20", await platform.TokenFor(PlatformFixture.Unique("legal"), "legal"))).Content.ReadAsStringAsync();
        Assert.Contains("campaign_draft_edited", history);
    }
}
