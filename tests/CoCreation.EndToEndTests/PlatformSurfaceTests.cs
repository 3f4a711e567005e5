using System.Net;
using CoCreation.Host.Seed;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class PlatformSurfaceTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_reports_postgres_healthy()
    {
        var response = await platform.Send(HttpMethod.Get, "/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await PlatformFixture.Json(response);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Contains(health.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "postgres");
    }

    [Fact]
    public async Task The_api_is_described_in_openapi_and_browsable_at_docs()
    {
        var openapi = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/openapi/v1.json"));
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/api/campaigns", "/api/campaigns/{id}/ideas", "/api/moderation/queue", "/api/ideas/{id}/votes" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        var docs = await platform.Send(HttpMethod.Get, "/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_dev_clock_moves_forward_and_refuses_to_go_back()
    {
        var first = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { hours = 1 }));
        var second = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { days = 2 }));
        var gap = second.GetProperty("now").GetDateTimeOffset() - first.GetProperty("now").GetDateTimeOffset();
        Assert.InRange(gap, TimeSpan.FromDays(2), TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { days = -1 })).StatusCode);
        foreach (var absurd in new object[] { new { days = 1e8 }, new { hours = 1e300 }, new { days = 5, hours = -200 } })
            Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: absurd)).StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_refuse_unknown_roles()
    {
        var response = await platform.Send(HttpMethod.Post, "/api/dev/tokens", body: new { userId = "eve", roles = new[] { "root" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_seed_lists_a_campaign_with_ideas_in_several_statuses_votes_and_comments_once()
    {
        var seeder = platform.App.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(CancellationToken.None);
        Assert.False(await seeder.SeedAsync(CancellationToken.None));

        var campaigns = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/campaigns"));
        var demo = Assert.Single(campaigns.EnumerateArray(), c => c.GetProperty("title").GetString() == DemoSeeder.CampaignTitle);
        Assert.Equal("Open", demo.GetProperty("status").GetString());
        var id = demo.GetProperty("id").GetGuid();

        var reader = await platform.TokenFor(PlatformFixture.Unique("mod"), "moderator");
        var ideas = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{id}/ideas?pageSize=100&sort=supporters", reader));
        var statuses = ideas.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Published", "Rejected", "Submitted" }, statuses);
        var publicList = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{id}/ideas?pageSize=100"));
        Assert.All(publicList.GetProperty("items").EnumerateArray(), i =>
            Assert.DoesNotContain(i.GetProperty("status").GetString(), new[] { "Submitted", "Rejected", "Hidden", "Withdrawn" }));
        Assert.Equal(18, ideas.GetProperty("total").GetInt32());

        var top = ideas.GetProperty("items")[0];
        await PlatformFixture.Eventually(async () =>
        {
            var tally = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{top.GetProperty("id").GetGuid()}/tally"));
            return tally.GetProperty("supporters").GetInt32() > 10 ? "many" : null;
        }, "the most supported demo idea to show its votes");
        var leaderboard = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{id}/leaderboard"));
        Assert.True(leaderboard.GetArrayLength() > 10);
        var commented = 0;
        foreach (var idea in ideas.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("status").GetString() == "Published"))
            commented += (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{idea.GetProperty("id").GetGuid()}/comments"))).GetArrayLength();
        Assert.Equal(13, commented);

        // The quick-fire campaign's selected idea has its prize and a quarter of royalties.
        var brand = await platform.TokenForOrg("demo-check-brand", DemoSeeder.Organisation, "brand");
        var quick = Assert.Single(campaigns.EnumerateArray(), c => c.GetProperty("title").GetString()!.StartsWith("Quick-fire")).GetProperty("id").GetGuid();
        var selected = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{quick}/ideas?status=InProduction"))).GetProperty("items")[0];
        var sales = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{selected.GetProperty("id").GetGuid()}/sales", brand));
        Assert.Equal(965.00m, Assert.Single(sales.GetProperty("reports").EnumerateArray()).GetProperty("royalty").GetDecimal());
        // The brand has a pack waiting for its decision.
        Assert.Equal(1, (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{quick}/ideas?status=UnderReview"))).GetProperty("total").GetInt32());
        var rivalBrand = await platform.TokenForOrg("demo-check-rival", "globex", "brand");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/ideas/{selected.GetProperty("id").GetGuid()}/sales", rivalBrand)).StatusCode);

        // Co-authored ideas carry confirmed ownership splits; one idea is under dispute.
        var legal = await platform.TokenFor("demo-check-legal", "legal");
        var coAuthored = ideas.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("authors").GetArrayLength() == 2).ToList();
        Assert.Equal(2, coAuthored.Count);
        foreach (var idea in coAuthored)
        {
            var provenance = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{idea.GetProperty("id").GetGuid()}/provenance", legal));
            Assert.True(provenance.GetProperty("ownership").GetProperty("confirmed").GetBoolean());
            Assert.Equal(100m, provenance.GetProperty("ownership").GetProperty("shares").EnumerateArray().Sum(s => s.GetProperty("percent").GetDecimal()));
        }
        // One of them has a newer proposal waiting for a demo member the sign-in page lists.
        var waiting = coAuthored.Select(i => i.GetProperty("id").GetGuid()).ToList();
        var pending = 0;
        foreach (var ideaId in waiting)
        {
            var ownership = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal));
            if (ownership.GetProperty("ownership").GetProperty("pending").ValueKind == System.Text.Json.JsonValueKind.Object) pending++;
        }
        Assert.Equal(1, pending);
        await PlatformFixture.Eventually(async () =>
        {
            var list = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{id}/ideas?pageSize=100", reader));
            foreach (var idea in list.GetProperty("items").EnumerateArray())
                if ((await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{idea.GetProperty("id").GetGuid()}", reader))).GetProperty("selectionFrozen").GetBoolean())
                    return "disputed";
            return null;
        }, "the demo dispute to freeze an idea's selection");

        // The demo queue: new ideas, a near-duplicate, an appeal, a screened comment and a flagged one; a moderator clears it.
        var moderator = await platform.TokenFor("demo-check-moderator", "moderator");
        var queue = await PlatformFixture.Eventually(async () =>
        {
            var all = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", moderator))).EnumerateArray()
                .Where(i => i.GetProperty("campaignId").GetGuid() == id).Select(i => i.Clone()).ToList();
            return all.Any(i => i.GetProperty("reason").GetString() == "flagged") ? all : null;
        }, "the flagged demo comment to reach the queue");
        Assert.Contains(queue, i => i.GetProperty("appeal").GetBoolean());
        Assert.Contains(queue, i => i.GetProperty("reason").GetString() == "comment-screening");
        Assert.Contains(queue, i => i.GetProperty("screening").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "near-duplicate"));
        Assert.Contains(queue, i => i.GetProperty("flags").GetInt32() == 3);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{id}/ideas?status=Rejected", moderator))).GetProperty("total").GetInt32() == 3
                ? "rejected" : null, "screening to reject the demo spam idea");
        foreach (var item in queue)
            Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item.GetProperty("id").GetGuid()}/decision", moderator,
                new { decision = "Approve" })).StatusCode);
        var left = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", moderator))).EnumerateArray()
            .Count(i => i.GetProperty("campaignId").GetGuid() == id);
        Assert.Equal(0, left);
    }
}
