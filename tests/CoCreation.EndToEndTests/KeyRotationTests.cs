using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Receipts;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Signed checkpoints across a host restart and a rotation of the signing key (docs/adr/0024, Key rotation): the host
/// signs with key A, stops, and starts again with key B and A's verifier key in CoCreation:Audit:FormerVerifierKeys.
/// A database of its own, so that no other test's checkpoints (signed by the shared host's key) are in its history.
/// </summary>
public sealed class KeyRotationTests
{
    private const string Database = "cocreation_rotation";
    private const string Origin = "rotation.test/log";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static Task<PlatformFixture> Host(string database, string keyFile, params string[] more) =>
        PlatformFixture.StartOwn([$"--ConnectionStrings:Postgres={database}", $"--CoCreation:Audit:CheckpointKeyFile={keyFile}",
            $"--CoCreation:Audit:LogOrigin={Origin}", .. more]);

    private static async Task<string> Text(PlatformFixture host, string path) =>
        await (await host.Send(HttpMethod.Get, path)).Content.ReadAsStringAsync();

    /// <summary>The latest signed note, once it covers a tree larger than <paramref name="size"/>.</summary>
    private static Task<string> CheckpointBeyond(PlatformFixture host, long size) =>
        PlatformFixture.Eventually(async () =>
        {
            var response = await host.Send(HttpMethod.Get, "/api/audit/checkpoint");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var note = await response.Content.ReadAsStringAsync();
            return SizeOf(note) > size ? note : null;
        }, $"a signed checkpoint beyond size {size}", seconds: 60);

    private static long SizeOf(string note) => Checkpoint.Parse(SignedNote.Parse(note).Text).Size;

    private static Task<string> ReceiptOf(PlatformFixture host, Guid id, string token) =>
        PlatformFixture.Eventually(async () =>
        {
            var response = await host.Send(HttpMethod.Get, $"/api/receipts/{id}", token);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, "a signed checkpoint covering the vote", seconds: 60);

    private static async Task<JsonElement> VerifyCheckpoint(PlatformFixture host, string note, string token, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/audit/verify-checkpoint") { Content = new StringContent(note, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<(Guid VoteId, string Voter, string VoterToken)> Vote(PlatformFixture host)
    {
        var s = await new Scenario(host).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var voter = PlatformFixture.Unique("voter");
        var token = await host.TokenFor(voter, "participant");
        var cast = await host.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", token);
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        return ((await PlatformFixture.Json(cast)).GetProperty("receipt").GetProperty("voteId").GetGuid(), voter, token);
    }

    private static async Task<IReadOnlyList<string>> History(PlatformFixture host)
    {
        var notes = new List<string>();
        long from = 0;
        while (true)
        {
            var page = await PlatformFixture.Json(await host.Send(HttpMethod.Get, $"/api/audit/checkpoints?from={from}&limit=1000"));
            var entries = page.EnumerateArray().ToList();
            notes.AddRange(entries.Select(e => e.GetProperty("note").GetString()!));
            if (entries.Count < 1000) return notes;
            from = entries[^1].GetProperty("treeSize").GetInt64() + 1;
        }
    }

    [Fact]
    public async Task Checkpoints_and_receipts_signed_before_a_restart_with_the_former_key_still_verify_and_new_ones_are_signed_by_the_new_key()
    {
        var database = await PlatformFixture.FreshDatabase(Database);
        var keys = Directory.CreateTempSubdirectory("rotation");
        var (fileA, fileB) = (Path.Combine(keys.FullName, "a.key"), Path.Combine(keys.FullName, "b.key"));
        using var keyA = CheckpointSigner.Generate(Origin);
        using var keyB = CheckpointSigner.Generate(Origin);
        await File.WriteAllTextAsync(fileA, keyA.ExportSeedBase64() + "\n");
        await File.WriteAllTextAsync(fileB, keyB.ExportSeedBase64() + "\n");
        try
        {
            // Before: the log signs with A.
            string noteA, receiptA;
            Guid voteId;
            string voter;
            await using (var before = await Host(database, fileA))
            {
                Assert.Equal(keyA.VerifierKey, await Text(before, "/api/audit/public-key"));
                string voterToken;
                (voteId, voter, voterToken) = await Vote(before);
                receiptA = await ReceiptOf(before, voteId, voterToken);
                noteA = await Text(before, "/api/audit/checkpoint");
                Assert.True(SignedNote.Parse(noteA).Verify(keyA.Verifier).Verified);
                var legal = await before.TokenFor(PlatformFixture.Unique("legal"), "legal");
                Assert.True((await VerifyCheckpoint(before, noteA, legal, HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
            }
            var sizeA = SizeOf(noteA);

            // After: B signs, A is a former key (one value, as an environment variable would give it).
            await using var after = await Host(database, fileB, $"--CoCreation:Audit:FormerVerifierKeys={keyA.VerifierKey}");
            Assert.Equal(keyB.VerifierKey, await Text(after, "/api/audit/public-key"));
            var (laterVote, _, laterVoter) = await Vote(after);
            var noteB = await CheckpointBeyond(after, sizeA);
            var signedB = SignedNote.Parse(noteB);
            Assert.True(signedB.Verify(keyB.Verifier).Verified);
            Assert.False(signedB.Verify(keyA.Verifier).Verified, "the new checkpoints are B's alone");
            Assert.Equal(keyB.KeyId, Assert.Single(signedB.Signatures).KeyId);

            // The history holds both keys' notes, A's up to the restart and B's after it, each verifying with its own key.
            var history = await History(after);
            Assert.Contains(noteA, history);
            var byKey = history.ToLookup(n => Assert.Single(SignedNote.Parse(n).Signatures).KeyId);
            Assert.NotEmpty(byKey[keyA.KeyId]);
            Assert.NotEmpty(byKey[keyB.KeyId]);
            Assert.Equal(history.Count, byKey[keyA.KeyId].Count() + byKey[keyB.KeyId].Count());
            Assert.All(byKey[keyA.KeyId], n => Assert.True(SignedNote.Parse(n).Verify(keyA.Verifier).Verified));
            Assert.All(byKey[keyB.KeyId], n => Assert.True(SignedNote.Parse(n).Verify(keyB.Verifier).Verified));
            Assert.True(byKey[keyA.KeyId].Max(SizeOf) <= byKey[keyB.KeyId].Min(SizeOf), "A signed before the restart, B after");

            // The saved note of A still proves the log after the restart (the host trusts its former key), as does B's.
            var legalAfter = await after.TokenFor(PlatformFixture.Unique("legal"), "legal");
            var witnessed = await VerifyCheckpoint(after, noteA, legalAfter, HttpStatusCode.OK);
            Assert.True(witnessed.GetProperty("valid").GetBoolean(), witnessed.GetRawText());
            Assert.Equal(sizeA, witnessed.GetProperty("treeSize").GetInt64());
            Assert.True((await VerifyCheckpoint(after, noteB, legalAfter, HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
            // B's later head extends A's: the consistency proof between them folds to both signed roots.
            var consistency = await PlatformFixture.Json(await after.Send(HttpMethod.Get, $"/api/audit/proofs/consistency?from={sizeA}&to={SizeOf(noteB)}"));
            Assert.True(MerkleTree.VerifyConsistency(sizeA, SizeOf(noteB),
                Checkpoint.Parse(SignedNote.Parse(noteA).Text).RootHash, Checkpoint.Parse(signedB.Text).RootHash,
                consistency.GetProperty("path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList()));

            // The receipt saved before the restart verifies offline with A's key; asked again, it comes signed by B.
            var saved = JsonSerializer.Deserialize<Receipt>(receiptA, Web)!;
            Assert.True(ReceiptVerifier.Verify(saved, [keyA.Verifier]).Valid);
            Assert.False(ReceiptVerifier.Verify(saved, [keyB.Verifier]).Valid);
            var file = Path.Combine(keys.FullName, "receipt.json");
            await File.WriteAllTextAsync(file, receiptA);
            var noDatabase = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = null };
            var (code, output) = await PlatformFixture.RunHostCli(noDatabase, "audit", "verify-receipt", file, "--key", keyB.VerifierKey, "--key", keyA.VerifierKey);
            Assert.True(code == 0, output);
            Assert.Contains("valid: true", output);
            var voterAgain = await after.TokenFor(voter, "participant");
            var reissued = JsonSerializer.Deserialize<Receipt>(await ReceiptOf(after, voteId, voterAgain), Web)!;
            Assert.Equal(keyB.VerifierKey, reissued.VerifierKey);
            Assert.True(ReceiptVerifier.Verify(reissued, [keyB.Verifier]).Valid);
            Assert.False(ReceiptVerifier.Verify(reissued, [keyA.Verifier]).Valid);
            Assert.Equal(saved.Leaf, reissued.Leaf);
            var later = JsonSerializer.Deserialize<Receipt>(await ReceiptOf(after, laterVote, laterVoter), Web)!;
            Assert.True(ReceiptVerifier.Verify(later, [keyB.Verifier, keyA.Verifier]).Valid);

            // A note signed by a key the log never had is refused, even under the log's own name.
            using var stranger = CheckpointSigner.Generate(Origin);
            var forged = stranger.Sign(Checkpoint.Parse(SignedNote.Parse(noteA).Text)).Format();
            var refused = await VerifyCheckpoint(after, forged, legalAfter, HttpStatusCode.BadRequest);
            Assert.EndsWith("/problems/checkpoint-refused", refused.GetProperty("type").GetString());
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }
}
