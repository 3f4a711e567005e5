using System.Net;
using System.Text;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Ideas;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class ProblemResponseTests(PlatformFixture platform)
{
    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await PlatformFixture.Json(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.EndsWith("/problems/" + rule, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private async Task<int> CampaignsCreatedBy(string brand)
    {
        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryRawEventDataOnly<CampaignCreated>().CountAsync(e => e.CreatedBy == brand);
    }

    private async Task<int> EventsOfCampaign(Guid campaignId)
    {
        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var onItsStream = await session.Events.QueryAllRawEvents().CountAsync(e => e.StreamId == campaignId);
        var ideas = await session.Events.QueryRawEventDataOnly<IdeaSubmitted>().CountAsync(e => e.CampaignId == campaignId);
        return onItsStream + ideas;
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_writes_nothing()
    {
        var brandId = PlatformFixture.Unique("brand");
        var brand = await platform.TokenFor(brandId, "brand");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns")
        {
            Content = new StringContent("{\"title\": \"Unclosed", Encoding.UTF8, "application/json")
        };
        request.Headers.Authorization = new("Bearer", brand);
        await AssertProblem(await platform.Http.SendAsync(request), HttpStatusCode.BadRequest, "malformed-json");
        await AssertProblem(await platform.Send(HttpMethod.Post, "/api/campaigns", brand, new { title = "No brief given" }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(0, await CampaignsCreatedBy(brandId));
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_naming_each_field()
    {
        var s = await new Scenario(platform).WithTokens();
        var response = await platform.Send(HttpMethod.Post, "/api/campaigns", s.BrandToken,
            new { title = "abc", brief = "", voting = new { mode = "ranked" }, moderation = new { flagsToHide = 0 } });
        await AssertProblem(response, HttpStatusCode.BadRequest, "validation");
        var errors = (await PlatformFixture.Json(response)).GetProperty("errors");
        foreach (var field in new[] { "title", "brief", "voting.mode", "moderation.flagsToHide" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");

        var campaignId = await s.CreateCampaign();
        var idea = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken,
            new { title = "Fine title", description = "ok", tags = Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray() });
        await AssertProblem(idea, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400_problem()
    {
        var moderator = await platform.TokenFor(PlatformFixture.Unique("mod"), "moderator");
        var response = await platform.Send(HttpMethod.Post, $"/api/moderation/items/{Guid.NewGuid()}/decision", moderator, new { decision = "Maybe" });
        await AssertProblem(response, HttpStatusCode.BadRequest, "validation");
        // The field and its values, never a .NET type name.
        var problem = (await PlatformFixture.Json(response)).GetRawText();
        Assert.Contains("Approve, Reject, Hide", problem);
        Assert.DoesNotContain("CoCreation.", problem);
        var unknownField = await platform.Send(HttpMethod.Post, $"/api/moderation/items/{Guid.NewGuid()}/decision", moderator, new { decision = "Approve", verdict = "yes" });
        await AssertProblem(unknownField, HttpStatusCode.BadRequest, "validation");
        Assert.True((await PlatformFixture.Json(unknownField)).GetProperty("errors").TryGetProperty("verdict", out _));
        var wrongType = await platform.Send(HttpMethod.Post, "/api/dev/tokens", body: new { userId = 42, roles = new[] { "participant" } });
        await AssertProblem(wrongType, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("must be a string", (await PlatformFixture.Json(wrongType)).GetProperty("errors").GetProperty("userId")[0].GetString());
    }

    [Fact]
    public async Task No_token_is_401_and_a_wrong_role_is_403()
    {
        await AssertProblem(await platform.Send(HttpMethod.Post, "/api/campaigns", body: new { title = "Sets for all", brief = "b" }),
            HttpStatusCode.Unauthorized, "token-missing");
        await AssertProblem(await platform.Send(HttpMethod.Post, "/api/campaigns", "not-a-jwt", new { title = "Sets for all", brief = "b" }),
            HttpStatusCode.Unauthorized, "token-malformed");
        var participant = await platform.TokenFor(PlatformFixture.Unique("p"), "participant");
        await AssertProblem(await platform.Send(HttpMethod.Post, "/api/campaigns", participant, new { title = "Sets for all", brief = "b" }),
            HttpStatusCode.Forbidden, "role-not-allowed");
        await AssertProblem(await platform.Send(HttpMethod.Get, "/api/moderation/queue", participant), HttpStatusCode.Forbidden, "role-not-allowed");
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var s = await new Scenario(platform).WithTokens();
        await AssertProblem(await platform.Send(HttpMethod.Get, $"/api/campaigns/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await AssertProblem(await platform.Send(HttpMethod.Get, $"/api/ideas/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/campaigns/{Guid.NewGuid()}/open", s.BrandToken), HttpStatusCode.NotFound, "not-found");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/campaigns/{Guid.NewGuid()}/close", s.BrandToken), HttpStatusCode.NotFound, "not-found");
        // Commands handled by Wolverine's aggregate workflow still answer a missing stream with the module's own 404 problem.
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{Guid.NewGuid()}/resolution", legal, new { outcome = "Upheld" }),
            HttpStatusCode.NotFound, "not-found");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/moderation/items/{Guid.NewGuid()}/appeal", s.AuthorToken, new { statement = "Please look again" }),
            HttpStatusCode.NotFound, "not-found");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/campaigns/{Guid.NewGuid()}/ideas", s.AuthorToken,
            new { title = "A fine title", description = "d", tags = Array.Empty<string>() }), HttpStatusCode.NotFound, "not-found");
        await AssertProblem(await platform.Send(HttpMethod.Get, "/api/no-such-route"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Business_rules_are_409_problems_naming_the_rule_and_write_nothing()
    {
        var s = await new Scenario(platform).WithTokens();
        var draft = await s.CreateCampaign(open: false);
        var before = await EventsOfCampaign(draft);
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/campaigns/{draft}/ideas", s.AuthorToken,
            new { title = "A fine title", description = "d", tags = Array.Empty<string>() }), HttpStatusCode.Conflict, "campaign-not-open");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/campaigns/{draft}/close", s.BrandToken), HttpStatusCode.Conflict, "campaign-not-open");
        Assert.Equal(before, await EventsOfCampaign(draft));

        var open = await s.CreateCampaign();
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/campaigns/{open}/open", s.BrandToken), HttpStatusCode.Conflict, "campaign-not-draft");

        var ideaId = await s.PublishedIdea(open);
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", s.AuthorToken, new { }), HttpStatusCode.Conflict, "self-vote");
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { })).StatusCode);
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { }), HttpStatusCode.Conflict, "duplicate-vote");
        await AssertProblem(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voter, new { score = 9 }), HttpStatusCode.BadRequest, "validation");
    }
}
