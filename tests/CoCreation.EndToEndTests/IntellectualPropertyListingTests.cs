using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>What legal reviews: the agreement versions with their acceptance counts, and the disputes by status.</summary>
[Collection(PlatformCollection.Name)]
public class IntellectualPropertyListingTests(PlatformFixture platform)
{
    private static JsonElement Current(IEnumerable<JsonElement> versions, string version) => versions.Single(v => v.GetProperty("version").GetString() == version);

    [Fact]
    public async Task Legal_lists_the_agreement_versions_newest_first_and_each_acceptance_counts_once()
    {
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var current = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/ip/agreements/current"));
        async Task<JsonElement[]> List() => (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/ip/agreements", legal))).EnumerateArray().ToArray();

        var before = await List();
        var first = before[0];
        Assert.Equal(platform.AgreementVersion, first.GetProperty("version").GetString());
        Assert.True(first.GetProperty("current").GetBoolean());
        Assert.Single(before, v => v.GetProperty("current").GetBoolean());
        Assert.Equal(current.GetProperty("textHash").GetString(), first.GetProperty("textHash").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(current.GetProperty("text").GetString()!))), first.GetProperty("textHash").GetString());
        Assert.Equal(current.GetProperty("publishedAt").GetDateTimeOffset(), first.GetProperty("publishedAt").GetDateTimeOffset());
        var publishedAts = before.Select(v => v.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(publishedAts.OrderDescending(), publishedAts);

        var member = await platform.TokenFor(PlatformFixture.Unique("member"), "participant");
        await platform.AcceptAgreement(member);
        await platform.AcceptAgreement(member);
        var after = Current(await List(), platform.AgreementVersion);
        // Other tests accept too while this one runs: at least this member's one acceptance, counted once however often they accept.
        Assert.InRange(after.GetProperty("acceptances").GetInt32(), first.GetProperty("acceptances").GetInt32() + 1, int.MaxValue);

        var alone = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/ip/agreements", legal));
        Assert.All(alone.EnumerateArray(), v => Assert.False(v.TryGetProperty("text", out _)));
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, "/api/ip/agreements", member)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, "/api/ip/agreements")).StatusCode);
    }

    [Fact]
    public async Task Legal_lists_open_disputes_with_their_evidence_and_finds_them_among_the_resolved_once_resolved()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var claimant = PlatformFixture.Unique("claimant");
        var claimantToken = await platform.TokenFor(claimant, "participant");
        var legal = PlatformFixture.Unique("legal");
        var legalToken = await platform.TokenFor(legal, "legal");
        var opened = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/disputes", claimantToken,
            new { claim = "Prior art", evidence = "My 2019 catalogue, page 12." }));
        var disputeId = opened.GetProperty("id").GetGuid();

        async Task<JsonElement?> Find(string? status)
        {
            var response = await platform.Send(HttpMethod.Get, status is null ? "/api/ip/disputes" : $"/api/ip/disputes?status={status}", legalToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await PlatformFixture.Json(response)).EnumerateArray().Where(d => d.GetProperty("id").GetGuid() == disputeId).Select(d => (JsonElement?)d).FirstOrDefault();
        }

        var open = (await Find("open"))!.Value;
        Assert.Equal((ideaId, claimant, "Prior art", "My 2019 catalogue, page 12.", "Open"),
            (open.GetProperty("ideaId").GetGuid(), open.GetProperty("claimedBy").GetString(), open.GetProperty("claim").GetString(),
                open.GetProperty("evidence").GetString(), open.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, open.GetProperty("resolvedAt").ValueKind);
        Assert.Null(await Find("resolved"));
        Assert.NotNull(await Find("OPEN"));
        Assert.NotNull(await Find(null));

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ip/disputes/{disputeId}/resolution", legalToken,
            new { outcome = "Dismissed", note = "Different hull." })).StatusCode);
        Assert.Null(await Find("open"));
        var resolved = (await Find("resolved"))!.Value;
        Assert.Equal(("Dismissed", "Different hull.", legal), (resolved.GetProperty("status").GetString(), resolved.GetProperty("note").GetString(), resolved.GetProperty("resolvedBy").GetString()));
        Assert.True(resolved.GetProperty("resolvedAt").GetDateTimeOffset() >= resolved.GetProperty("openedAt").GetDateTimeOffset());

        var bad = await platform.Send(HttpMethod.Get, "/api/ip/disputes?status=pending", legalToken);
        await PlatformFixture.AssertRule(bad, HttpStatusCode.BadRequest, "validation");
        Assert.True((await PlatformFixture.Json(bad)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, "/api/ip/disputes", claimantToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, "/api/ip/disputes", s.ModeratorToken)).StatusCode);
    }
}
