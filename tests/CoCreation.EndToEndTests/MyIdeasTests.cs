using System.Net;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class MyIdeasTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_member_reads_their_ideas_in_every_status_and_the_invitations_waiting_for_them()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var (pending, _) = await s.SubmitIdea(campaignId);
        var published = await s.PublishedIdea(campaignId);
        var friend = PlatformFixture.Unique("friend");
        var friendToken = await platform.TokenFor(friend, "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{pending}/coauthors", s.AuthorToken, new { userId = friend })).StatusCode);

        var mine = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/me/ideas", s.AuthorToken));
        var statuses = mine.GetProperty("ideas").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<Guid, string?> { [pending] = "Submitted", [published] = "Published" }, statuses);
        Assert.Empty(mine.GetProperty("invitations").EnumerateArray());

        var invited = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/me/ideas", friendToken));
        Assert.Empty(invited.GetProperty("ideas").EnumerateArray());
        var invitation = Assert.Single(invited.GetProperty("invitations").EnumerateArray());
        Assert.Equal((pending, s.Author), (invitation.GetProperty("ideaId").GetGuid(), invitation.GetProperty("invitedBy").GetString()));
        Assert.False(invitation.TryGetProperty("description", out _), "an invitee reads the idea's content only once they accept");

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{pending}/coauthors/accept", friendToken)).StatusCode);
        var joined = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/me/ideas", friendToken));
        Assert.Equal(pending, Assert.Single(joined.GetProperty("ideas").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(joined.GetProperty("invitations").EnumerateArray());

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, "/api/me/ideas")).StatusCode);
    }
}
