using System.Net;
using System.Text.Json;
using CoCreation.Moderation.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class SupportersOverTimeTests(PlatformFixture platform)
{
    private Task<HttpResponseMessage> Vote(Guid ideaId, string token) => platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", token, new { });

    private async Task<JsonElement> Supporters(Guid ideaId) =>
        await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/supporters?bucket=day"));

    private DateTimeOffset Now => platform.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Supporters_per_day_rise_with_casts_and_fall_with_a_retraction_and_a_discount_against_the_ladder()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "A ladder to chart", brief = "Two steps.",
            milestones = new[] { new { supporters = 2, withinDays = 30 }, new { supporters = 50, withinDays = 90 } }
        });
        var ideaId = await s.PublishedIdea(campaignId);
        var published = await Supporters(ideaId);
        Assert.Equal(ideaId, published.GetProperty("ideaId").GetGuid());
        Assert.Equal("day", published.GetProperty("bucket").GetString());
        Assert.All(published.GetProperty("points").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("supporters").GetInt32()));
        var firstDeadline = published.GetProperty("milestones")[0].GetProperty("deadline").GetDateTimeOffset();
        Assert.Equal(JsonValueKind.Null, published.GetProperty("milestones")[1].GetProperty("deadline").ValueKind);

        var mallory = PlatformFixture.Unique("mallory");
        var tokens = new[] { await platform.TokenFor(PlatformFixture.Unique("fan"), "participant"), await platform.TokenFor(PlatformFixture.Unique("fan"), "participant"),
            await platform.TokenFor(mallory, "participant") };
        foreach (var token in tokens) Assert.Equal(HttpStatusCode.Created, (await Vote(ideaId, token)).StatusCode);
        var castDay = Day(Now);

        var afterCasts = await Supporters(ideaId);
        Assert.Equal(3, afterCasts.GetProperty("points")[afterCasts.GetProperty("points").GetArrayLength() - 1].GetProperty("supporters").GetInt32());
        var first = afterCasts.GetProperty("milestones")[0];
        Assert.Equal(2, first.GetProperty("supporters").GetInt32());
        Assert.Equal(firstDeadline, first.GetProperty("deadline").GetDateTimeOffset());
        var reachedAt = first.GetProperty("reachedAt").GetDateTimeOffset();
        var second = afterCasts.GetProperty("milestones")[1];
        Assert.Equal(reachedAt.AddDays(90), second.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("reachedAt").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { days = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Send(HttpMethod.Delete, $"/api/ideas/{ideaId}/votes/mine", tokens[0])).StatusCode);
        await platform.Publish(new MemberBannedIntegrationEvent(mallory, "vote rings", "mod-1", Now));
        var lowered = await PlatformFixture.Eventually(async () =>
        {
            var curve = await Supporters(ideaId);
            var points = curve.GetProperty("points").EnumerateArray().ToList();
            return points[^1].GetProperty("supporters").GetInt32() == 1 ? curve.GetRawText() : null;
        }, "the retraction and the discount to lower the curve");

        var days = JsonDocument.Parse(lowered).RootElement.GetProperty("points").EnumerateArray()
            .Select(p => (Day: p.GetProperty("day").GetString()!, Supporters: p.GetProperty("supporters").GetInt32())).ToList();
        Assert.Equal(Day(Now), days[^1].Day);
        Assert.Equal(3, days.Single(d => d.Day == castDay).Supporters);
        var parsed = days.Select(d => DateOnly.ParseExact(d.Day, "yyyy-MM-dd")).ToList();
        Assert.Equal(parsed.Zip(parsed.Skip(1), (a, b) => b.DayNumber - a.DayNumber), Enumerable.Repeat(1, parsed.Count - 1));
        Assert.True(JsonDocument.Parse(lowered).RootElement.GetProperty("milestones")[0].GetProperty("reachedAt").ValueKind == JsonValueKind.String,
            "a milestone once reached stays reached when supporters fall");
    }

    [Fact]
    public async Task Only_the_day_bucket_is_known_and_unknown_or_unpublished_ideas_have_no_curve()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/supporters")).StatusCode);

        var week = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/supporters?bucket=week");
        Assert.Equal(HttpStatusCode.BadRequest, week.StatusCode);
        Assert.Equal("application/problem+json", week.Content.Headers.ContentType?.MediaType);
        Assert.True((await PlatformFixture.Json(week)).GetProperty("errors").TryGetProperty("bucket", out _), "the problem names the field");

        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/ideas/{Guid.NewGuid()}/supporters?bucket=day"), HttpStatusCode.NotFound, "not-found");
        var (pending, _) = await s.SubmitIdea(campaignId);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/ideas/{pending}/supporters?bucket=day", s.AuthorToken)).StatusCode);
    }

    [Fact]
    public async Task My_votes_are_the_ideas_I_support_now_across_campaigns()
    {
        var s = await new Scenario(platform).WithTokens();
        var firstCampaign = await s.CreateCampaign();
        var secondCampaign = await s.CreateCampaign(body: new { title = "Rate the harbour", brief = "Scores.", voting = new { mode = "rating" } });
        var kept = await s.PublishedIdea(firstCampaign);
        var retracted = await s.PublishedIdea(firstCampaign);
        var rated = await s.PublishedIdea(secondCampaign);
        var me = await platform.TokenFor(PlatformFixture.Unique("supporter"), "participant");
        Assert.Empty((await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/me/votes", me))).EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, (await Vote(kept, me)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Vote(retracted, me)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{rated}/votes", me, new { score = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.Send(HttpMethod.Delete, $"/api/ideas/{retracted}/votes/mine", me)).StatusCode);

        var mine = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/me/votes", me))).EnumerateArray().ToList();
        Assert.Equal([rated, kept], mine.Select(v => v.GetProperty("ideaId").GetGuid()));
        Assert.Equal([secondCampaign, firstCampaign], mine.Select(v => v.GetProperty("campaignId").GetGuid()));
        Assert.Equal(4, mine[0].GetProperty("score").GetInt32());
        Assert.Equal(JsonValueKind.Null, mine[1].GetProperty("score").ValueKind);
        Assert.True(mine[1].GetProperty("at").GetDateTimeOffset() <= Now);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, "/api/me/votes")).StatusCode);
    }
}
