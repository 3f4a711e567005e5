using System.Net;
using System.Text.Json;
using CoCreation.Audit.Transparency;

namespace CoCreation.EndToEndTests;

/// <summary>The log's signed checkpoints and Merkle proofs over HTTP (docs/adr/0024), checked as an outside verifier would.</summary>
[Collection(PlatformCollection.Name)]
public class TransparencyTests(PlatformFixture platform)
{
    private async Task<NoteVerifier> PublicKey()
    {
        var response = await platform.Send(HttpMethod.Get, "/api/audit/public-key");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return NoteVerifier.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The latest checkpoint, its signature verified with the published key.</summary>
    private async Task<Checkpoint?> LatestCheckpoint(NoteVerifier key)
    {
        var response = await platform.Send(HttpMethod.Get, "/api/audit/checkpoint");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var note = SignedNote.Parse(await response.Content.ReadAsStringAsync());
        var verification = note.Verify(key);
        Assert.True(verification.Verified, verification.Refusal);
        return Checkpoint.Parse(note.Text);
    }

    /// <summary>The sequence number of the campaign's last event of a type, read from its history by the brand that runs it (a draft is its alone).</summary>
    private async Task<long> SeqOf(Scenario s, Guid campaignId, string type)
    {
        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1000", s.BrandToken));
        return history.EnumerateArray().Last(e => e.GetProperty("type").GetString() == type).GetProperty("seq").GetInt64();
    }

    private static List<byte[]> Hashes(JsonElement path) => path.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();

    [Fact]
    public async Task A_signed_checkpoint_covers_a_new_event_and_a_later_one_extends_it()
    {
        var key = await PublicKey();
        Assert.Equal("cocreation.local/log", key.Name);
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var (ideaId, _) = await s.SubmitIdea(campaignId);
        var seq = await SeqOf(s, campaignId, "idea_submitted");

        // Anonymous: the event is a public campaign's. The proof is asked against the latest signed size.
        var found = await PlatformFixture.Eventually(async () =>
        {
            if (await LatestCheckpoint(key) is not { } checkpoint) return null;
            var response = await platform.Send(HttpMethod.Get, $"/api/audit/proofs/inclusion?seq={seq}&treeSize={checkpoint.Size}");
            return response.StatusCode == HttpStatusCode.OK ? Tuple.Create(checkpoint, (await PlatformFixture.Json(response)).Clone()) : null;
        }, "a signed checkpoint covering the idea's submission", seconds: 60);
        var (first, proof) = (found.Item1, found.Item2);

        Assert.Equal("cocreation.local/log", first.Origin);
        Assert.Equal(seq, proof.GetProperty("seq").GetInt64());
        Assert.Equal(first.Size, proof.GetProperty("treeSize").GetInt64());
        var leafIndex = proof.GetProperty("leafIndex").GetInt64();
        Assert.InRange(leafIndex, 0, first.Size - 1);
        Assert.True(leafIndex < seq, "rolled-back appends leave gaps; a leaf's index is its position, at most its sequence number less one");
        var leafHash = Convert.FromHexString(proof.GetProperty("leafHash").GetString()!);
        var path = Hashes(proof.GetProperty("path"));
        Assert.Matches("^[0-9a-f]{64}$", proof.GetProperty("leafHash").GetString());
        Assert.True(MerkleTree.VerifyInclusion(leafHash, leafIndex, first.Size, path, first.RootHash), "the inclusion proof leads to the signed root");
        var forged = leafHash.ToArray();
        forged[0] ^= 1;
        Assert.False(MerkleTree.VerifyInclusion(forged, leafIndex, first.Size, path, first.RootHash), "another leaf does not verify");

        // More activity, then a larger signed head that must extend the first one.
        await s.SubmitIdea(campaignId);
        var second = await PlatformFixture.Eventually(async () =>
            await LatestCheckpoint(key) is { } c && c.Size > first.Size ? c : null, "a later checkpoint", seconds: 60);
        var consistency = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/audit/proofs/consistency?from={first.Size}&to={second.Size}"));
        Assert.Equal(first.Size, consistency.GetProperty("from").GetInt64());
        Assert.Equal(second.Size, consistency.GetProperty("to").GetInt64());
        var steps = Hashes(consistency.GetProperty("path"));
        Assert.True(MerkleTree.VerifyConsistency(first.Size, second.Size, first.RootHash, second.RootHash, steps), "the later head extends the earlier one");
        Assert.False(MerkleTree.VerifyConsistency(first.Size, second.Size, second.RootHash, second.RootHash, steps), "a wrong earlier root does not verify");

        // Both heads are in the recorded history, with the note as served.
        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/audit/checkpoints?from={first.Size}&limit=1000"));
        var sizes = history.EnumerateArray().Select(c => c.GetProperty("treeSize").GetInt64()).ToList();
        Assert.Equal(sizes.Order(), sizes);
        Assert.Contains(first.Size, sizes);
        Assert.Contains(second.Size, sizes);
        var entry = history.EnumerateArray().First(c => c.GetProperty("treeSize").GetInt64() == first.Size);
        Assert.Equal(Convert.ToHexStringLower(first.RootHash), entry.GetProperty("rootHash").GetString());
        Assert.True(SignedNote.Parse(entry.GetProperty("note").GetString()!).Verify(key).Verified);

        // Each head is itself an event of the log.
        await using var db = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        await using var recorded = db.CreateCommand($"select count(*) from events.mt_events where type = 'checkpoint_signed' and (data ->> 'TreeSize')::bigint = {first.Size}");
        Assert.Equal(1L, (long)(await recorded.ExecuteScalarAsync())!);
        _ = ideaId;
    }

    [Fact]
    public async Task The_stored_tree_is_every_chained_event_in_order_and_its_leaves_fold_to_the_signed_root()
    {
        var key = await PublicKey();
        var s = await new Scenario(platform).WithTokens();
        await s.CreateCampaign();
        var signed = await PlatformFixture.Eventually(() => LatestCheckpoint(key), "a checkpoint", seconds: 60);

        await using var db = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        var leaves = new List<(long Index, long Seq, byte[] Hash)>();
        await using (var read = db.CreateCommand($"select leaf_index, seq_id, leaf_hash from audit.merkle_leaves where leaf_index < {signed.Size} order by leaf_index"))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) leaves.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
        Assert.Equal(Enumerable.Range(0, (int)signed.Size).Select(i => (long)i), leaves.Select(l => l.Index));
        var sequences = leaves.Select(l => l.Seq).ToList();
        Assert.Equal(sequences.Distinct().Order(), sequences);
        // The tree's leaves are exactly the chained events up to the last one, gaps skipped.
        await using (var chained = db.CreateCommand($"select count(*) from audit.event_chain where seq_id <= {sequences[^1]}"))
            Assert.Equal(signed.Size, (long)(await chained.ExecuteScalarAsync())!);
        Assert.Equal(signed.RootHash, MerkleTree.RootOf(leaves.Select(l => l.Hash).ToList(), signed.Size));
    }

    [Fact]
    public async Task A_draft_campaigns_event_is_proven_only_to_legal_and_admin()
    {
        var s = await new Scenario(platform).WithTokens();
        var draft = await s.CreateCampaign(open: false);
        var seq = await SeqOf(s, draft, "campaign_created");
        var route = $"/api/audit/proofs/inclusion?seq={seq}&treeSize=1";
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, route)).StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, route, s.AuthorToken), HttpStatusCode.Forbidden, "not-public-event");
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var answer = await PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, route, legal) is { StatusCode: not HttpStatusCode.NotFound } r ? r : null, "the draft's event in the tree");
        // Let in: the tree of one leaf does not hold this (late) event.
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await PlatformFixture.Json(answer)).GetProperty("errors").TryGetProperty("seq", out _));
    }

    [Theory]
    [InlineData("/api/audit/proofs/inclusion", "seq")]
    [InlineData("/api/audit/proofs/inclusion?seq=1", "treeSize")]
    [InlineData("/api/audit/proofs/inclusion?seq=0&treeSize=1", "seq")]
    [InlineData("/api/audit/proofs/inclusion?seq=abc&treeSize=1", null)]
    [InlineData("/api/audit/proofs/consistency?to=1", "from")]
    [InlineData("/api/audit/proofs/consistency?from=2&to=1", "from")]
    [InlineData("/api/audit/proofs/consistency?from=1&to=900000000000", "to")]
    [InlineData("/api/audit/checkpoints?limit=0", "limit")]
    [InlineData("/api/audit/checkpoints?from=-1", "from")]
    public async Task Bad_parameters_are_a_validation_problem(string route, string? field)
    {
        var response = await platform.Send(HttpMethod.Get, route);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null) Assert.True((await PlatformFixture.Json(response)).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tree_size_beyond_the_tree_is_refused_and_an_unknown_event_is_not_found()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var seq = await SeqOf(s, campaignId, "campaign_created");
        var beyond = await PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, $"/api/audit/proofs/inclusion?seq={seq}&treeSize=900000000000") is { StatusCode: not HttpStatusCode.NotFound } r ? r : null,
            "the campaign's creation in the tree");
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.True((await PlatformFixture.Json(beyond)).GetProperty("errors").TryGetProperty("treeSize", out _));
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Get, "/api/audit/proofs/inclusion?seq=900000000000&treeSize=1"), HttpStatusCode.NotFound, "not-found");
    }
}
