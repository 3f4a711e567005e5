using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Receipts;

namespace CoCreation.EndToEndTests;

/// <summary>A member's receipt for their vote (docs/adr/0024): handed out by the vote, checked offline with only the public key.</summary>
[Collection(PlatformCollection.Name)]
public class ReceiptTests(PlatformFixture platform)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(Scenario Scenario, Guid VoteId, long Seq, string Voter, string VoterToken)> CastVote()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var ideaId = await s.PublishedIdea(campaignId);
        var voter = PlatformFixture.Unique("voter");
        var token = await platform.TokenFor(voter, "participant");
        var cast = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", token);
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        var body = await PlatformFixture.Json(cast);
        Assert.Equal(1, body.GetProperty("supporters").GetInt32());
        var receipt = body.GetProperty("receipt");
        var voteId = receipt.GetProperty("voteId").GetGuid();
        var seq = receipt.GetProperty("seq").GetInt64();
        // The seq is the vote's own event in the log, as the campaign's history shows it.
        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1000", s.BrandToken));
        Assert.Equal(seq, history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "vote_cast").GetProperty("seq").GetInt64());
        return (s, voteId, seq, voter, token);
    }

    private async Task<string> ReceiptJson(Guid voteId, string token) =>
        (await PlatformFixture.Eventually(async () =>
        {
            var response = await platform.Send(HttpMethod.Get, $"/api/receipts/{voteId}", token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.EndsWith("/problems/not-in-checkpoint-yet", (await PlatformFixture.Json(response)).GetProperty("type").GetString());
                return null;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }, "a signed checkpoint covering the vote", seconds: 60))!;

    private async Task<NoteVerifier> PublicKey() =>
        NoteVerifier.Parse(await (await platform.Send(HttpMethod.Get, "/api/audit/public-key")).Content.ReadAsStringAsync());

    [Fact]
    public async Task A_votes_receipt_verifies_offline_with_only_the_public_key_and_a_tampered_one_is_refused()
    {
        var (_, voteId, seq, voter, token) = await CastVote();
        var json = await ReceiptJson(voteId, token);
        var receipt = JsonSerializer.Deserialize<Receipt>(json, Web)!;
        Assert.Equal(voteId, receipt.Id);
        Assert.Equal(seq, receipt.Seq);
        var leaf = Encoding.UTF8.GetString(Convert.FromBase64String(receipt.Leaf));
        Assert.Contains(voter, leaf);
        Assert.Contains("vote_cast", leaf);

        var key = await PublicKey();
        var verdict = ReceiptVerifier.Verify(receipt, [key]);
        Assert.True(verdict.Valid, string.Join("; ", verdict.Failures));

        // Offline, through the host's command line with no database: valid; each tampering is named.
        var dir = Directory.CreateTempSubdirectory("receipt");
        var file = Path.Combine(dir.FullName, "receipt.json");
        await File.WriteAllTextAsync(file, json);
        var keyFile = Path.Combine(dir.FullName, "log.vkey");
        await File.WriteAllTextAsync(keyFile, key.VerifierKey + "\n");
        var noDatabase = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = null };
        var (code, output) = await PlatformFixture.RunHostCli(noDatabase, "audit", "verify-receipt", file, "--key", keyFile);
        Assert.True(code == 0, output);
        Assert.Contains("valid: true", output);
        Assert.Contains($"receipt: {voteId}", output);

        var node = JsonNode.Parse(json)!.AsObject();
        var otherLeaf = leaf.Replace(voter, voter + "x");
        node["leaf"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(otherLeaf));
        await File.WriteAllTextAsync(file, node.ToJsonString());
        (code, output) = await PlatformFixture.RunHostCli(noDatabase, "audit", "verify-receipt", file, "--key", keyFile);
        Assert.Equal(1, code);
        Assert.Contains("valid: false", output);
        Assert.Contains("the leaf hash is not SHA-256(0x00 ‖ leaf)", output);

        // A leaf hash made to match the forged leaf no longer leads to the signed root.
        var forgedHash = Convert.ToHexStringLower(MerkleTree.LeafHash(Encoding.UTF8.GetBytes(otherLeaf)));
        var forged = receipt with { Leaf = Convert.ToBase64String(Encoding.UTF8.GetBytes(otherLeaf)), LeafHash = forgedHash };
        Assert.Contains(ReceiptVerifier.Verify(forged, [key]).Failures, f => f.Contains("does not lead to the signed root"));

        // A checkpoint signed by another key is not trusted.
        using var stranger = CheckpointSigner.Generate(key.Name);
        var resigned = receipt with { Checkpoint = stranger.Sign(Checkpoint.Parse(SignedNote.Parse(receipt.Checkpoint).Text)).Format() };
        Assert.False(ReceiptVerifier.Verify(resigned, [key]).Valid);
        Assert.True(ReceiptVerifier.Verify(resigned, [stranger.Verifier]).Valid, "the same receipt under the key that signed it");
    }

    [Fact]
    public async Task A_receipt_is_the_voters_legals_and_admins_alone()
    {
        var (_, voteId, _, _, token) = await CastVote();
        await ReceiptJson(voteId, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, $"/api/receipts/{voteId}")).StatusCode);
        var other = await platform.TokenFor(PlatformFixture.Unique("other"), "participant");
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/receipts/{voteId}", other), HttpStatusCode.NotFound, "not-found");
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/receipts/{voteId}", legal)).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, $"/api/receipts/{Guid.NewGuid()}", legal), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_contributions_receipt_is_listed_in_the_provenance_report_and_verifies()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var (ideaId, _) = await s.SubmitIdea(campaignId);
        var receipts = await PlatformFixture.Eventually(async () =>
        {
            var report = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", s.AuthorToken);
            if (report.StatusCode != HttpStatusCode.OK) return null;
            var listed = (await PlatformFixture.Json(report)).GetProperty("receipts").EnumerateArray().Select(r => r.Clone()).ToList();
            return listed.Count > 0 ? listed : null;
        }, "the submission's contribution in the provenance report");
        var entry = Assert.Single(receipts);
        Assert.Equal(s.Author, entry.GetProperty("contributor").GetString());
        var contributionId = entry.GetProperty("contributionId").GetGuid();
        Assert.Equal($"/api/receipts/{contributionId}", entry.GetProperty("href").GetString());

        var receipt = JsonSerializer.Deserialize<Receipt>(await ReceiptJson(contributionId, s.AuthorToken), Web)!;
        var verdict = ReceiptVerifier.Verify(receipt, [await PublicKey()]);
        Assert.True(verdict.Valid, string.Join("; ", verdict.Failures));
        Assert.Equal("contribution_recorded", verdict.EventType);
        Assert.Contains(ideaId.ToString(), Encoding.UTF8.GetString(Convert.FromBase64String(receipt.Leaf)));
    }
}
