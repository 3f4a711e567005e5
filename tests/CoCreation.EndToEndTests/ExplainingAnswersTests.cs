using System.Net;
using System.Security.Claims;
using System.Text;
using CoCreation.Host;
using CoCreation.Host.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoCreation.EndToEndTests;

/// <summary>Answers that leave nobody guessing: why a token is refused, which roles may, what a moderator reads, when the history happened.</summary>
[Collection(PlatformCollection.Name)]
public class ExplainingAnswersTests(PlatformFixture platform)
{
    private static string Token(string? subject, DateTime? expires = null, string key = JwtSettings.DevelopmentKey, params string[] roles) =>
        TokenWithOrg(subject, null, expires, key, roles);

    private static string TokenWithOrg(string? subject, string? org, DateTime? expires = null, string key = JwtSettings.DevelopmentKey, params string[] roles)
    {
        var claims = new List<Claim>();
        if (subject is not null) claims.Add(new Claim("sub", subject));
        if (org is not null) claims.Add(new Claim("org", org));
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims), Issuer = "cocreation", Audience = "cocreation",
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2), NotBefore = (expires ?? now.AddHours(1)).AddHours(-2), Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256)
        });
    }

    private async Task<string> Refusal(string? token, string rule)
    {
        var response = await platform.Send(HttpMethod.Post, "/api/campaigns", token, new { title = "Sets of the sea", brief = "Ports" });
        await PlatformFixture.AssertRule(response, HttpStatusCode.Unauthorized, rule);
        return (await PlatformFixture.Json(response)).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_401_says_whether_the_token_is_missing_malformed_expired_badly_signed_or_names_no_member()
    {
        Assert.Contains("/api/dev/tokens", await Refusal(null, "token-missing"));
        await Refusal("not-a-jwt", "token-malformed");
        await Refusal(Token("alice", DateTime.UtcNow.AddMinutes(-10), roles: "brand"), "token-expired");
        await Refusal(Token("alice", key: new string('k', 64), roles: "brand"), "token-bad-signature");
        Assert.Contains("subject", await Refusal(Token(null, roles: "brand"), "token-invalid"));
        await Refusal(Token(new string('a', 10_000), roles: "brand"), "token-invalid");
        await Refusal(Token("anonymous", roles: "admin"), "token-invalid");
        await Refusal(Token("   ", roles: "brand"), "token-invalid");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Delete, "/api/members/someone/personal-data", Token("anonymous", roles: "admin")),
            HttpStatusCode.Unauthorized, "token-invalid");
    }

    [Fact]
    public async Task A_token_whose_organisation_is_not_a_name_is_refused_before_it_reaches_a_campaign()
    {
        foreach (var org in new[] { "a\u0000b", "x\u0001", new string('o', 6_000), "   " })
            await Refusal(TokenWithOrg("brand-bad-org", org, roles: "brand"), "token-invalid");
        var fine = TokenWithOrg(PlatformFixture.Unique("brand"), "Nordlys Bricks", roles: "brand");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, "/api/campaigns", fine, new { title = "Sets of the sea", brief = "Ports" })).StatusCode);
    }

    [Fact]
    public async Task A_403_names_the_roles_that_may()
    {
        var participant = await platform.TokenFor(PlatformFixture.Unique("p"), "participant");
        var response = await platform.Send(HttpMethod.Post, "/api/campaigns", participant, new { title = "Sets of the sea", brief = "Ports" });
        await PlatformFixture.AssertRule(response, HttpStatusCode.Forbidden, "role-not-allowed");
        var problem = await PlatformFixture.Json(response);
        Assert.Contains("brand", problem.GetProperty("detail").GetString());
        Assert.Equal(["brand"], problem.GetProperty("allowedRoles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void A_signing_key_shorter_than_32_bytes_stops_the_host_from_starting_in_production()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => CoCreationHost.Build(
            ["--environment=Production", "--CoCreation:Jwt:SigningKey=short", "--ConnectionStrings:Postgres=Host=127.0.0.1;Database=none"]));
        Assert.Contains("at least 32", refused.Message);
    }

    [Fact]
    public async Task The_moderation_queue_shows_each_ideas_title_and_an_excerpt()
    {
        var s = await new Scenario(platform).WithTokens();
        var (ideaId, _) = await s.SubmitIdea(await s.CreateCampaign());
        var item = await s.QueueItemFor(ideaId);
        Assert.Equal("Ferry with a drawbridge", item.GetProperty("title").GetString());
        Assert.StartsWith("A car ferry whose bow opens.", item.GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task The_history_tells_each_events_time_on_the_application_clock_so_the_state_then_shows_it_and_data_is_camel_case()
    {
        var s = await new Scenario(platform).WithTokens();
        // The application clock runs ahead of the database's from here on (other tests' moves only add to it).
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, "/api/dev/clock/advance", body: new { hours = 2 })).StatusCode);
        var campaignId = await s.CreateCampaign();
        var (ideaId, _) = await s.SubmitIdea(campaignId);
        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history", s.BrandToken));
        var submitted = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "idea_submitted");
        Assert.Equal(ideaId, submitted.GetProperty("data").GetProperty("ideaId").GetGuid());
        Assert.False(submitted.GetProperty("data").TryGetProperty("IdeaId", out _));
        var at = submitted.GetProperty("at").GetDateTimeOffset();
        Assert.True(at - submitted.GetProperty("storedAt").GetDateTimeOffset() >= TimeSpan.FromHours(2));

        var state = await PlatformFixture.Json(await platform.Send(HttpMethod.Get,
            $"/api/campaigns/{campaignId}/state?at={Uri.EscapeDataString(at.ToString("O"))}", s.BrandToken));
        Assert.Contains(state.GetProperty("ideas").EnumerateArray(), i => i.GetProperty("id").GetGuid() == ideaId);
    }

    [Fact]
    public async Task The_provenance_export_is_a_named_file_and_both_chain_heads_say_what_they_cover()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var export = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance/export", legal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal($"provenance-{ideaId}.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var chain = (await PlatformFixture.Json(export)).GetProperty("chain");
        Assert.Equal(chain.GetProperty("head").GetString(), chain.GetProperty("ideaChainHead").GetString());
        Assert.StartsWith("idea", chain.GetProperty("scope").GetString());

        var integrity = (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal))).GetProperty("integrity");
        Assert.StartsWith("platform", integrity.GetProperty("scope").GetString());
        Assert.Equal(integrity.GetProperty("chainHead").GetString(), integrity.GetProperty("platformChainHead").GetString());
    }
}
