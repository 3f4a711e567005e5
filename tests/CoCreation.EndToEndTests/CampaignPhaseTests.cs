using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

/// <summary>Campaign phases (submission and voting deadlines) and the per-member cap on submissions, over HTTP (issue 16).</summary>
[Collection(PlatformCollection.Name)]
public class CampaignPhaseTests(PlatformFixture platform)
{
    private Task<DateTimeOffset> Now() =>
        Task.FromResult(platform.App.Services.GetRequiredService<CoCreation.BuildingBlocks.Time.AppClock>().GetUtcNow());

    private async Task<HttpResponseMessage> Submit(Guid campaignId, string token, string title = "A harbour crane set") =>
        await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token, new { title, description = "Cranes that lift containers.", tags = new[] { "port" } });

    private async Task<int> IdeasOf(Scenario s, Guid campaignId, string author)
    {
        var list = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/ideas?limit=100&status=Submitted", s.ModeratorToken));
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        var count = 0;
        foreach (var idea in items.EnumerateArray())
            if (idea.GetProperty("authors").EnumerateArray().Any(a => a.GetString() == author)) count++;
        return count;
    }

    [Fact]
    public async Task A_member_submits_up_to_the_cap_withdrawing_gives_no_place_back_and_a_refusal_writes_nothing()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "Capped harbour sets", brief = "Two each.", submissions = new { perMember = 2 } });
        var campaign = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}"));
        Assert.Equal(2, campaign.GetProperty("rules").GetProperty("submissions").GetProperty("perMember").GetInt32());

        var first = await PlatformFixture.Json(await Submit(campaignId, s.AuthorToken));
        Assert.Equal(HttpStatusCode.Created, (await Submit(campaignId, s.AuthorToken)).StatusCode);
        var refused = await Submit(campaignId, s.AuthorToken);
        await PlatformFixture.AssertRule(refused, HttpStatusCode.Conflict, "submission-cap-reached");
        Assert.Equal(2, await IdeasOf(s, campaignId, s.Author));

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{first.GetProperty("id").GetGuid()}/withdraw", s.AuthorToken, new { })).StatusCode);
        await PlatformFixture.AssertRule(await Submit(campaignId, s.AuthorToken), HttpStatusCode.Conflict, "submission-cap-reached");

        var other = await platform.TokenFor(PlatformFixture.Unique("other"), "participant");
        await platform.AcceptAgreement(other);
        Assert.Equal(HttpStatusCode.Created, (await Submit(campaignId, other)).StatusCode);
    }

    [Fact]
    public async Task Submissions_racing_for_the_last_place_never_pass_the_cap()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new { title = "One idea each", brief = "One.", submissions = new { perMember = 1 } });

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Submit(campaignId, s.AuthorToken, $"Racing idea number {i}")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await IdeasOf(s, campaignId, s.Author));
    }

    [Fact]
    public async Task Submissions_then_votes_close_at_the_campaigns_deadlines_and_the_page_counts_down()
    {
        var s = await new Scenario(platform).WithTokens();
        var now = await Now();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "Harbour sets, phased", brief = "Ideas for a day, votes for two.",
            phases = new { submissionsUntil = now.AddDays(1), votingUntil = now.AddDays(2) }
        });
        var idea = await s.PublishedIdea(campaignId);
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        var late = await platform.TokenFor(PlatformFixture.Unique("late"), "participant");

        var page = await (await platform.Send(HttpMethod.Get, $"/campaigns/{campaignId}")).Content.ReadAsStringAsync();
        Assert.Contains("Submissions close in 23 h", page);
        Assert.Contains("Voting closes in 1 d 23 h", page);

        await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { hours = 25 });
        await PlatformFixture.AssertRule(await Submit(campaignId, s.AuthorToken), HttpStatusCode.Conflict, "submissions-closed");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", voter, new { })).StatusCode);
        page = await (await platform.Send(HttpMethod.Get, $"/campaigns/{campaignId}")).Content.ReadAsStringAsync();
        Assert.Contains("Submissions are closed.", page);
        Assert.DoesNotContain($"/campaigns/{campaignId}/ideas/new", page);

        await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { hours = 24 });
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", late, new { }), HttpStatusCode.Conflict, "voting-phase-over");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Delete, $"/api/ideas/{idea}/votes/mine", voter), HttpStatusCode.Conflict, "voting-phase-over");
        Assert.Equal(1, (await s.Idea(idea)).GetProperty("supporters").GetInt32());
    }

    [Fact]
    public async Task Phases_and_caps_out_of_range_are_problems_naming_the_field_and_a_stale_draft_does_not_open()
    {
        var s = await new Scenario(platform).WithTokens();
        var now = await Now();
        async Task AssertInvalid(object body, string field)
        {
            var answer = await platform.Send(HttpMethod.Post, "/api/campaigns", s.BrandToken, body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.True((await PlatformFixture.Json(answer)).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        await AssertInvalid(new { title = "Harbour sets", brief = "b", submissions = new { perMember = 0 } }, "submissions.perMember");
        await AssertInvalid(new { title = "Harbour sets", brief = "b", phases = new { submissionsUntil = now.AddDays(-1) } }, "phases.submissionsUntil");
        await AssertInvalid(new { title = "Harbour sets", brief = "b", phases = new { submissionsUntil = now.AddDays(5), votingUntil = now.AddDays(4) } }, "phases.votingUntil");
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/campaigns", s.BrandToken,
            new { title = "Harbour sets", brief = "b", phases = new { votingUntil = "next tuesday" } })).StatusCode);

        var draft = await s.CreateCampaign(open: false, body: new { title = "Harbour sets, stale", brief = "b", phases = new { votingUntil = now.AddHours(1) } });
        await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { hours = 2 });
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/campaigns/{draft}/open", s.BrandToken), HttpStatusCode.Conflict, "campaign-phase-passed");
    }
}
