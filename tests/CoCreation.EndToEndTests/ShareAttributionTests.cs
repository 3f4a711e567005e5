using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Share attribution (issue 16's co-promotion): a supporter who arrives through a member's share link and supports is
/// attributed to the sharer; the author sees the supporters they brought, the campaign's referral rule pays the sharer,
/// and a retraction takes both back. Nobody brings themselves.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ShareAttributionTests(PlatformFixture platform)
{
    private async Task<JsonElement> Mine(Guid idea, string token) =>
        await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{idea}/referrals/mine", token));

    private async Task<int> Points(string member, string token) =>
        (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/members/{member}/rewards", token))).GetProperty("points").GetInt32();

    [Fact]
    public async Task Supporters_through_a_share_link_are_the_sharers_and_a_retraction_takes_them_and_the_points_back()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaign = await s.CreateCampaign(body: new
        {
            title = "Harbour lights, shared", brief = "Bring your friends.", rewards = new { pointsForReferral = 5 }
        });
        var idea = await s.PublishedIdea(campaign);
        await PlatformFixture.Eventually(async () => await Points(s.Author, s.AuthorToken) == 10 ? "" : null, "the author's points for publication");
        var link = await Mine(idea, s.AuthorToken);
        Assert.Equal($"/ideas/{idea}?ref={s.Author}", link.GetProperty("link").GetString());
        Assert.Equal(0, link.GetProperty("supportersBrought").GetInt32());

        var (friend, stranger) = (PlatformFixture.Unique("friend"), PlatformFixture.Unique("stranger"));
        var friendToken = await platform.TokenFor(friend, "participant");
        var strangerToken = await platform.TokenFor(stranger, "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", friendToken, new { @ref = s.Author })).StatusCode);
        // A voter naming themselves brings nobody.
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", strangerToken, new { @ref = stranger })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", await platform.TokenFor(PlatformFixture.Unique("long"), "participant"),
            new { @ref = new string('x', 200) })).StatusCode);

        await PlatformFixture.Eventually(async () => await Points(s.Author, s.AuthorToken) == 15 ? "" : null, "the sharer's referral points");
        Assert.Equal(1, (await Mine(idea, s.AuthorToken)).GetProperty("supportersBrought").GetInt32());
        Assert.Equal(0, (await Mine(idea, strangerToken)).GetProperty("supportersBrought").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Send(HttpMethod.Delete, $"/api/ideas/{idea}/votes/mine", friendToken)).StatusCode);
        await PlatformFixture.Eventually(async () => await Points(s.Author, s.AuthorToken) == 10 ? "" : null, "the referral points taken back");
        Assert.Equal(0, (await Mine(idea, s.AuthorToken)).GetProperty("supportersBrought").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, $"/api/ideas/{idea}/referrals/mine", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/ideas/{Guid.NewGuid()}/referrals/mine", friendToken)).StatusCode);
    }
}
