using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Duplicate merge that can be undone (issue 16): merging B into A moves B's support to A (a member who supported
/// both counts once and gets their budget back), offers B's authors co-authorship of A and makes B Merged; unmerge
/// restores B, its supporters, A's count, the invitations and the voters' points exactly as they were.
/// </summary>
[Collection(PlatformCollection.Name)]
public class MergeTests(PlatformFixture platform)
{
    private async Task<JsonElement> Get(string path, string? token) => await PlatformFixture.Json(await platform.Send(HttpMethod.Get, path, token));

    private async Task<int> Points(string member, string token) => (await Get($"/api/members/{member}/rewards", token)).GetProperty("points").GetInt32();

    private Task<HttpResponseMessage> Vote(Guid idea, string token) => platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", token, new { });

    /// <summary>Who supports the idea now and how their votes got there, from the vote history the brand reads.</summary>
    private async Task<string> Standing(Guid idea, string brand)
    {
        var history = (await Get($"/api/ideas/{idea}/votes", brand)).EnumerateArray().ToList();
        return string.Join(",", history.GroupBy(e => e.GetProperty("voter").GetString()).Where(g => g.Last().GetProperty("counts").GetBoolean())
            .Select(g => $"{g.Key}:{g.Last().GetProperty("voteId").GetGuid()}").Order());
    }

    private Task WaitForSupporters(Guid idea, string token, int supporters) =>
        PlatformFixture.Eventually(async () => (await Get($"/api/ideas/{idea}", token)).GetProperty("supporters").GetInt32() == supporters ? "" : null,
            $"idea {idea} to count {supporters} supporters");

    [Fact]
    public async Task Merge_moves_support_once_per_member_and_unmerge_restores_tallies_histories_invitations_and_points_exactly()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaign = await s.CreateCampaign(body: new
        {
            title = "Harbour cranes", brief = "Cranes for the port.", voting = new { mode = "support", budgetPerMember = 2 }
        });
        var target = await s.PublishedIdea(campaign);
        var second = PlatformFixture.Unique("second-author");
        var secondToken = await platform.TokenFor(second, "participant");
        await platform.AcceptAgreement(secondToken);
        var (duplicate, _) = await s.SubmitIdea(campaign, token: secondToken);
        await s.Publish(duplicate);
        var other = await s.PublishedIdea(campaign);

        var (ann, bob, cat) = (PlatformFixture.Unique("ann"), PlatformFixture.Unique("bob"), PlatformFixture.Unique("cat"));
        var annToken = await platform.TokenFor(ann, "participant");
        var bobToken = await platform.TokenFor(bob, "participant");
        var catToken = await platform.TokenFor(cat, "participant");
        foreach (var (idea, token) in new[] { (duplicate, annToken), (duplicate, bobToken), (target, bobToken), (target, catToken) })
            Assert.Equal(HttpStatusCode.Created, (await Vote(idea, token)).StatusCode);
        await WaitForSupporters(target, s.BrandToken, 2);
        await WaitForSupporters(duplicate, s.BrandToken, 2);
        await PlatformFixture.Eventually(async () => await Points(bob, bobToken) == 2 ? "" : null, "bob's two vote points");
        var before = (Target: await Standing(target, s.BrandToken), Duplicate: await Standing(duplicate, s.BrandToken),
            Ann: await Points(ann, annToken), Bob: await Points(bob, bobToken), Cat: await Points(cat, catToken));
        Assert.Equal(HttpStatusCode.Conflict, (await Vote(other, bobToken)).StatusCode); // bob's budget is spent

        // Refusals: a participant may not merge, another brand sees nothing, an idea is not merged into itself, nor
        // across campaigns, nor by its own author; nothing is undone that was not merged.
        var rival = await platform.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("rival-org"), "brand");
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/merge", annToken, new { into = target })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/merge", rival, new { into = target })).StatusCode);
        var itself = await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/merge", s.ModeratorToken, new { into = duplicate });
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Equal("application/problem+json", itself.Content.Headers.ContentType?.MediaType);
        var elsewhere = await s.PublishedIdea(await s.CreateCampaign());
        await AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/merge", s.ModeratorToken, new { into = elsewhere }), "ideas-in-different-campaigns");
        await AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/unmerge", s.ModeratorToken, new { }), "idea-not-merged");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, $"/api/ideas/{Guid.NewGuid()}/merge", s.ModeratorToken, new { into = target })).StatusCode);

        var merged = await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/merge", s.ModeratorToken, new { into = target, note = "Same crane, twice." });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergedBody = await PlatformFixture.Json(merged);
        Assert.Equal("Merged", mergedBody.GetProperty("status").GetString());
        Assert.Equal([second], mergedBody.GetProperty("offeredCoAuthorship").EnumerateArray().Select(a => a.GetString()));

        // A counts ann, bob (once) and cat; B counts none; bob got his budget back and spends it elsewhere.
        await WaitForSupporters(target, s.BrandToken, 3);
        await WaitForSupporters(duplicate, s.BrandToken, 0);
        var detail = await Get($"/api/ideas/{duplicate}", s.ModeratorToken);
        Assert.Equal("Merged", detail.GetProperty("status").GetString());
        Assert.Equal(target, detail.GetProperty("mergedInto").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/ideas/{duplicate}", annToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/ideas/{duplicate}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/ideas/{duplicate}", secondToken)).StatusCode);
        await AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/merge", s.ModeratorToken, new { into = target }), "idea-not-mergeable");
        Assert.Contains(second, (await Get($"/api/ideas/{target}", s.ModeratorToken)).GetProperty("invitations").EnumerateArray().Select(i => i.GetString()));
        var moved = (await Get($"/api/ideas/{target}/votes", s.BrandToken)).EnumerateArray().Where(e => e.GetProperty("action").GetString() == "Moved").ToList();
        Assert.Equal([ann], moved.Select(e => e.GetProperty("voter").GetString()));
        Assert.Contains((await Get($"/api/ideas/{duplicate}/votes", s.BrandToken)).EnumerateArray(),
            e => e.GetProperty("voter").GetString() == bob && e.GetProperty("action").GetString() == "Moved" && !e.GetProperty("counts").GetBoolean());
        await PlatformFixture.Eventually(async () => await Points(bob, bobToken) == before.Bob - 1 ? "" : null, "bob's released vote to give its point back");
        Assert.Equal(HttpStatusCode.Created, (await Vote(other, bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Send(HttpMethod.Delete, $"/api/ideas/{other}/votes/mine", bobToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Vote(duplicate, catToken)).StatusCode);
        Assert.Contains((await Get($"/api/ideas/{target}/timeline", null)).EnumerateArray(),
            e => e.GetProperty("note").GetString() == "Another idea was merged into this one: its support counts here.");
        Assert.Contains((await Get($"/api/ideas/{duplicate}/timeline", s.ModeratorToken)).EnumerateArray(),
            e => e.GetProperty("status").GetString() == "Merged" && e.GetProperty("note").GetString() == "Same crane, twice.");
        await PlatformFixture.Eventually(async () => (await Get("/api/members/me/notifications?pageSize=100", annToken)).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("subjectId").GetGuid() == target && n.GetProperty("text").GetString()!.Contains("merged")) ? "" : null, "ann to hear of the merge");
        await PlatformFixture.Eventually(async () => (await Get("/api/members/me/notifications?pageSize=100", secondToken)).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("kind").GetString() == "coauthor-invitation" && n.GetProperty("subjectId").GetGuid() == target) ? "" : null, "the duplicate's author to be invited");

        // The campaign's brand undoes it.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/unmerge", rival, new { })).StatusCode);
        var unmerged = await platform.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/unmerge", s.BrandToken, new { note = "Different cranes after all." });
        Assert.Equal(HttpStatusCode.OK, unmerged.StatusCode);
        Assert.Equal("Published", (await PlatformFixture.Json(unmerged)).GetProperty("status").GetString());
        await WaitForSupporters(duplicate, s.BrandToken, 2);
        await WaitForSupporters(target, s.BrandToken, 2);
        await PlatformFixture.Eventually(async () => await Points(bob, bobToken) == before.Bob ? "" : null, "bob's restored vote to earn its point again");
        Assert.Equal(before.Target, await Standing(target, s.BrandToken));
        Assert.Equal(before.Duplicate, await Standing(duplicate, s.BrandToken));
        Assert.Equal((before.Ann, before.Cat), (await Points(ann, annToken), await Points(cat, catToken)));
        var restored = await Get($"/api/ideas/{duplicate}", null);
        Assert.Equal("Published", restored.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("mergedInto").ValueKind);
        Assert.DoesNotContain(second, (await Get($"/api/ideas/{target}", s.ModeratorToken)).GetProperty("invitations").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains((await Get($"/api/ideas/{duplicate}/votes", s.BrandToken)).EnumerateArray(), e => e.GetProperty("action").GetString() == "Restored");
        // The duplicate takes votes again; bob's budget is spent again by his restored vote.
        await PlatformFixture.Eventually(async () => (await Vote(duplicate, catToken)).StatusCode == HttpStatusCode.Created ? "" : null, "the duplicate's ballot to reopen");
        Assert.Equal(HttpStatusCode.Conflict, (await Vote(other, bobToken)).StatusCode);
    }

    private static async Task AssertRule(HttpResponseMessage response, string rule)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith($"/problems/{rule}", (await PlatformFixture.Json(response)).GetProperty("type").GetString());
    }
}
