using System.Net;
using System.Text;
using CoCreation.Audit.Privacy;
using CoCreation.Ideation.Campaigns;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

/// <summary>What the prober sent: every one of these answered 500, a wrong status, or an empty body before.</summary>
[Collection(PlatformCollection.Name)]
public class InputHardeningTests(PlatformFixture platform)
{
    private async Task<HttpResponseMessage> Raw(HttpMethod method, string path, string? token, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await platform.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<string[]> ErrorFields(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await PlatformFixture.Json(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
    }

    [Fact]
    public async Task A_nul_or_other_control_character_in_any_text_is_a_400_naming_the_field_and_writes_nothing()
    {
        var s = await new Scenario(platform).WithTokens();
        Assert.Contains("brief", await ErrorFields(await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, """{"title":"Sets of the NUL sea","brief":"Ports\u0000and ferries"}""")));
        Assert.Contains("moderation.bannedTerms[0]", await ErrorFields(await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken,
            """{"title":"Sets of the sea","brief":"Ports","moderation":{"bannedTerms":["bad\u0007word"]}}""")));
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var commenter = await platform.TokenFor(PlatformFixture.Unique("c"), "participant");
        Assert.Contains("text", await ErrorFields(await Raw(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", commenter, """{"text":"nul\u0000here"}""")));
        Assert.Contains("userId", await ErrorFields(await Raw(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, """{"userId":"bob\u0000"}""")));
        Assert.Contains("userId", await ErrorFields(await Raw(HttpMethod.Post, "/api/moderation/bans", s.ModeratorToken, """{"userId":"x\u0000","reason":"spam"}""")));
        // Tabs and line breaks are text.
        Assert.Equal(HttpStatusCode.Created, (await Raw(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", commenter, """{"text":"two\nlines\tand a tab"}""")).StatusCode);
        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Events.QueryRawEventDataOnly<CampaignCreated>().CountAsync(c => c.CreatedBy == s.Brand && c.Title == "Sets of the NUL sea"));
    }

    [Fact]
    public async Task Nulls_in_arrays_oversized_arrays_and_deep_nesting_are_400s_not_500s()
    {
        var s = await new Scenario(platform).WithTokens();
        Assert.Contains("milestones[0]", await ErrorFields(await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken,
            """{"title":"Sets of the sea","brief":"Ports","milestones":[null]}""")));
        var roles = string.Join(",", Enumerable.Repeat("\"participant\"", 10_000));
        Assert.Contains("roles", await ErrorFields(await Raw(HttpMethod.Post, "/api/dev/tokens", null, $$"""{"userId":"many","roles":[{{roles}}]}""")));
        Assert.Contains("roles", await ErrorFields(await Raw(HttpMethod.Post, "/api/dev/tokens", null, """{"userId":"many","roles":["participant","participant"]}""")));
        var deep = new string('[', 200) + new string(']', 200);
        var nested = await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, $$"""{"title":{{deep}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        Assert.EndsWith("/problems/malformed-json", (await PlatformFixture.Json(nested)).GetProperty("type").GetString());
        var big = await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, $$"""{"title":"x","brief":"{{new string('a', 1_200_000)}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Framework_errors_are_problems_too_long_paths_unknown_routes_wrong_methods_and_media_types()
    {
        var s = await new Scenario(platform).WithTokens();
        foreach (var (response, status) in new[]
                 {
                     (await platform.Send(HttpMethod.Get, $"/api/members/{new string('a', 20_000)}/rewards", s.AuthorToken), HttpStatusCode.RequestUriTooLong),
                     (await platform.Send(HttpMethod.Get, "/api/nothing-here"), HttpStatusCode.NotFound),
                     (await platform.Send(HttpMethod.Delete, "/api/campaigns"), HttpStatusCode.MethodNotAllowed),
                     (await platform.Http.PostAsync("/api/dev/tokens", new StringContent("userId=a", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType)
                 })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, "/api/campaigns?x=%00")).StatusCode);
    }

    [Fact]
    public async Task A_page_form_with_a_control_character_is_refused_before_it_reaches_a_command()
    {
        var response = await platform.Http.PostAsync($"/ideas/{Guid.NewGuid()}/comments",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "nul\u0000here" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Votes_on_an_unknown_idea_are_404()
    {
        var voter = await platform.TokenFor(PlatformFixture.Unique("v"), "participant");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{Guid.NewGuid()}/votes", voter, new { }), HttpStatusCode.NotFound, "not-found");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Delete, $"/api/ideas/{Guid.NewGuid()}/votes/mine", voter), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_refused_request_frees_its_idempotency_key_for_the_corrected_one()
    {
        var s = await new Scenario(platform).WithTokens();
        var key = Guid.NewGuid().ToString();
        var refused = await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, """{"title":"abc"}""", key);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, """{"title":"abc"}""", key)).StatusCode);
        var corrected = await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, """{"title":"Sets of the sea","brief":"Ports"}""", key);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var replayed = await Raw(HttpMethod.Post, "/api/campaigns", s.BrandToken, """{"title":"Sets of the sea","brief":"Ports"}""", key);
        Assert.Equal((HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync()), (replayed.StatusCode, await replayed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Concurrent_erasures_of_one_member_give_no_500_one_erasure_event_and_a_chain_that_verifies()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var member = PlatformFixture.Unique("erase");
        var memberToken = await platform.TokenFor(member, "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", memberToken, new { text = "My words" })).StatusCode);
        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");
        // Moderation keeps its own copy of the comment, from Ideation's message: erase once both hold the words.
        var commentId = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments"))).EnumerateArray()
            .Single(c => c.GetProperty("author").GetString() == member).GetProperty("id").GetGuid();
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/comments/{commentId}/moderation", s.ModeratorToken)).StatusCode == HttpStatusCode.OK ? "known" : null,
            "Moderation to record the comment");

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => platform.Send(HttpMethod.Delete, $"/api/members/{member}/personal-data", admin)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var masked = await Task.WhenAll(answers.Select(async a => (await PlatformFixture.Json(a)).GetProperty("eventsMasked").GetInt32()));
        // One call masked the member's rows (the comment, and Moderation's copy of it); the others found nothing left to mask.
        Assert.Equal(2, masked.Single(m => m > 0));
        Assert.Equal(2, masked.Count(m => m == 0));
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Delete, $"/api/members/{member}/personal-data", admin)).StatusCode);

        await using var session = platform.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, await session.Events.QueryRawEventDataOnly<PersonalDataErased>().CountAsync(e => e.MemberId == member));
        var comments = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/comments"));
        Assert.Equal("[erased]", Assert.Single(comments.EnumerateArray(), c => c.GetProperty("author").GetString() == member).GetProperty("text").GetString());
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        await PlatformFixture.Eventually(async () =>
        {
            var verify = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/audit/verify", legal));
            Assert.True(verify.GetProperty("valid").GetBoolean(), verify.GetRawText());
            return verify.GetProperty("unchained").GetInt64() == 0 ? "chained" : null;
        }, "the chain to reach the erasure");
    }
}
