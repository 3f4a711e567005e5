using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>A campaign's donation pledge (docs/adr/0035): validated with the campaign, accrued by Rewards, read publicly once the campaign opened.</summary>
[Collection(PlatformCollection.Name)]
public class DonationTests(PlatformFixture platform)
{
    private static object Body(string per, decimal amount, decimal cap) => new
    {
        title = "Donation harbour", brief = "Sets that give.",
        donation = new { cause = "Les Restos du Cœur", per, amount, currency = "EUR", cap }
    };

    private async Task<JsonElement> Donation(Guid campaignId) =>
        await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/donation"));

    private async Task<Guid> OpenIdea(Scenario s, Guid campaignId)
    {
        var ideaId = await s.PublishedIdea(campaignId);
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/tally")).StatusCode == HttpStatusCode.OK ? "open" : null, "the ballot to open");
        return ideaId;
    }

    private async Task Support(Guid ideaId, string token) =>
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", token)).StatusCode);

    private async Task<string[]> Members(int count)
    {
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            tokens[i] = await platform.TokenFor(PlatformFixture.Unique("giver"), "participant");
            await platform.AcceptAgreement(tokens[i]);
        }
        return tokens;
    }

    [Fact]
    public async Task Each_distinct_supporter_raises_the_amount_once_up_to_the_cap()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: Body("supporter", 2.50m, 100m));
        var (first, second) = (await OpenIdea(s, campaignId), await OpenIdea(s, campaignId));
        var members = await Members(3);
        await Support(first, members[0]);
        await Support(second, members[0]);
        await Support(first, members[1]);
        await Support(second, members[2]);

        var donation = await PlatformFixture.Eventually(async () =>
            await Donation(campaignId) is var d && d.GetProperty("supporters").GetInt32() == 3 ? d.GetRawText() : null, "three supporters counted");
        var json = JsonDocument.Parse(donation).RootElement;
        Assert.Equal(7.50m, json.GetProperty("raised").GetDecimal());
        Assert.Equal("Les Restos du Cœur", json.GetProperty("cause").GetString());
        Assert.False(json.GetProperty("capReached").GetBoolean());

        var page = await (await platform.Send(HttpMethod.Get, $"/campaigns/{campaignId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"donation\"", page);
        // Razor writes characters beyond ASCII as character references.
        Assert.Contains("Les Restos du Cœur", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task A_low_cap_clips_the_last_accrual_and_is_reached()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: Body("supporter", 2m, 5m));
        var idea = await OpenIdea(s, campaignId);
        foreach (var token in await Members(3)) await Support(idea, token);

        var donation = await PlatformFixture.Eventually(async () =>
            await Donation(campaignId) is var d && d.GetProperty("capReached").GetBoolean() ? d.GetRawText() : null, "the cap reached");
        var json = JsonDocument.Parse(donation).RootElement;
        Assert.Equal(5m, json.GetProperty("raised").GetDecimal());
        Assert.Equal(3, json.GetProperty("supporters").GetInt32());
    }

    [Fact]
    public async Task A_per_selected_idea_pledge_accrues_on_selection()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: Body("selectedIdea", 500m, 2000m));
        var idea = await OpenIdea(s, campaignId);
        await Support(idea, (await Members(1))[0]);
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/donation")).StatusCode == HttpStatusCode.OK ? "known" : null, "the pledge known");
        Assert.Equal(0m, (await Donation(campaignId)).GetProperty("raised").GetDecimal());

        await platform.Publish(new CoCreation.Voting.Contracts.MilestoneReachedIntegrationEvent(idea, campaignId, 0, 100, true, [s.Author], DateTimeOffset.UtcNow));
        await s.AwaitStatus(idea, "UnderReview");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/decision", s.BrandToken, new { outcome = "Selected", note = "Yes" })).StatusCode);

        var donation = await PlatformFixture.Eventually(async () =>
            await Donation(campaignId) is var d && d.GetProperty("raised").GetDecimal() > 0 ? d.GetRawText() : null, "the selection accrued");
        var json = JsonDocument.Parse(donation).RootElement;
        Assert.Equal(500m, json.GetProperty("raised").GetDecimal());
        Assert.Equal(1, json.GetProperty("ideas").GetInt32());
    }

    [Theory]
    [InlineData("", "supporter", 2, "EUR", 10, "donation.cause")]
    [InlineData("Cause", "everyone", 2, "EUR", 10, "donation.per")]
    [InlineData("Cause", "supporter", -1, "EUR", 10, "donation.amount")]
    [InlineData("Cause", "supporter", 2, "E", 10, "donation.currency")]
    [InlineData("Cause", "supporter", 20, "EUR", 10, "donation.cap")]
    public async Task A_bad_pledge_is_a_400_naming_the_field(string cause, string per, double amount, string currency, double cap, string field)
    {
        var s = await new Scenario(platform).WithTokens();
        var response = await platform.Send(HttpMethod.Post, "/api/campaigns", s.BrandToken,
            new { title = "Donation harbour", brief = "Sets.", donation = new { cause, per, amount = (decimal)amount, currency, cap = (decimal)cap } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await PlatformFixture.Json(response)).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task A_drafts_pledge_is_not_shown()
    {
        var s = await new Scenario(platform).WithTokens();
        var draft = await s.CreateCampaign(open: false, body: Body("supporter", 1m, 10m));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}/donation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}/donation", s.BrandToken)).StatusCode);
    }
}
