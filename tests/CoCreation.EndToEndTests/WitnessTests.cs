using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoCreation.Audit;
using CoCreation.Audit.Transparency;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>A saved signed checkpoint checked against the current log (docs/adr/0024, Witnessing), as a legal team would.</summary>
[Collection(PlatformCollection.Name)]
public class WitnessTests(PlatformFixture platform)
{
    private async Task<JsonElement> VerifyText(string note, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/audit/verify-checkpoint") { Content = new StringContent(note, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await platform.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The latest note, once it holds the event's leaf and the tree holds the leaf's pair.</summary>
    private async Task<string> SavedCheckpointCovering(long seq)
    {
        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        return await PlatformFixture.Eventually(async () =>
        {
            await using var leaf = db.CreateCommand($"select leaf_index from audit.merkle_leaves where seq_id = {seq}");
            if (await leaf.ExecuteScalarAsync() is not long index) return null;
            // The pair holding the leaf must be stored too: it is what locates a change once the leaves are rewritten.
            await using var pair = db.CreateCommand($"select count(*) from audit.merkle_subtrees where level = 1 and idx = {index / 2}");
            if ((long)(await pair.ExecuteScalarAsync())! == 0) return null;
            var response = await platform.Send(HttpMethod.Get, "/api/audit/checkpoint");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var note = await response.Content.ReadAsStringAsync();
            return Checkpoint.Parse(SignedNote.Parse(note).Text).Size > index ? note : null;
        }, "a signed checkpoint covering the event", seconds: 60);
    }

    private static async Task<ChainedEvent> Row(NpgsqlDataSource db, long seq)
    {
        await using var read = db.CreateCommand(
            "select seq_id, stream_id, version, type, data::text, correlation_id, causation_id, headers::text, timestamp, id, is_archived, tenant_id " +
            $"from events.mt_events where seq_id = {seq}");
        await using var r = await read.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new ChainedEvent(r.GetInt64(0), r.GetGuid(1), r.GetInt64(2), r.GetString(3), r.GetString(4), Text(5), Text(6), Text(7),
            r.GetFieldValue<DateTimeOffset>(8), r.GetGuid(9), r.GetBoolean(10), Text(11));
    }

    private static async Task Run(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_saved_checkpoint_verifies_until_a_row_is_rewritten_even_with_its_chain_and_leaf()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        await s.SubmitIdea(campaignId);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=1000", legal));
        var seq = history.EnumerateArray().Last(e => e.GetProperty("type").GetString() == "idea_submitted").GetProperty("seq").GetInt64();
        await s.SubmitIdea(campaignId); // so the tampered event is not the chain's head
        var note = await SavedCheckpointCovering(seq);

        var fresh = await VerifyText(note, legal);
        Assert.True(fresh.GetProperty("valid").GetBoolean(), fresh.GetRawText());
        Assert.Equal(fresh.GetProperty("signedRoot").GetString(), fresh.GetProperty("currentRoot").GetString());
        var asJson = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/audit/verify-checkpoint", legal, new { note }));
        Assert.True(asJson.GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Post, "/api/audit/verify-checkpoint", body: new { note })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, "/api/audit/verify-checkpoint", s.BrandToken, new { note })).StatusCode);

        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
        var original = await Row(db, seq);
        string hash, link;
        byte[] leaf;
        await using (var read = db.CreateCommand($"select c.event_hash, c.link, l.leaf_hash from audit.event_chain c join audit.merkle_leaves l using (seq_id) where seq_id = {seq}"))
        await using (var r = await read.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            (hash, link, leaf) = (r.GetString(0), r.GetString(1), r.GetFieldValue<byte[]>(2));
        }
        try
        {
            await using (var tamper = db.CreateCommand($"update events.mt_events set data = jsonb_set(data, '{{Title}}', '\"A title nobody wrote\"') where seq_id = {seq}"))
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            var changed = await VerifyText(note, legal);
            Assert.False(changed.GetProperty("valid").GetBoolean());
            Assert.Equal(seq, changed.GetProperty("firstDifferingSeq").GetInt64());
            Assert.Contains("changed", changed.GetProperty("problem").GetString());

            // The attacker recomputes the event's chain row and its stored leaf to match the new row.
            var forged = await Row(db, seq);
            await Run(db, "update audit.event_chain set event_hash = $1, link = $2 where seq_id = $3",
                EventChain.HashOf(forged), EventChain.Link(link, EventChain.HashOf(forged)), seq);
            await Run(db, "update audit.merkle_leaves set leaf_hash = $1 where seq_id = $2", EventLeaf.HashOf(forged), seq);
            var rewritten = await VerifyText(note, legal);
            Assert.False(rewritten.GetProperty("valid").GetBoolean());
            var problem = rewritten.GetProperty("problem").GetString()!;
            Assert.StartsWith("history rewritten: the log no longer folds to the signed root", problem);
            Assert.Contains($"{seq}", problem);
            Assert.InRange(rewritten.GetProperty("firstDifferingSeq").GetInt64(), 1, seq);

            var file = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.note");
            await File.WriteAllTextAsync(file, note);
            var (code, output) = await PlatformFixture.RunHostCli("audit", "verify", "--checkpoint", file);
            Assert.True(code == 1, output);
            Assert.Contains("valid: false", output);
            Assert.Contains("history rewritten", output);
            File.Delete(file);
        }
        finally
        {
            await Run(db, "update events.mt_events set data = $1::jsonb where seq_id = $2", original.Data, seq);
            await Run(db, "update audit.event_chain set event_hash = $1, link = $2 where seq_id = $3", hash, link, seq);
            await Run(db, "update audit.merkle_leaves set leaf_hash = $1 where seq_id = $2", leaf, seq);
        }
        Assert.True((await VerifyText(note, legal)).GetProperty("valid").GetBoolean());
        var saved = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.note");
        await File.WriteAllTextAsync(saved, note);
        var (ok, text) = await PlatformFixture.RunHostCli("audit", "verify", "--checkpoint", saved);
        File.Delete(saved);
        Assert.True(ok == 0, text);
        Assert.Contains("valid: true", text);
    }

    [Fact]
    public async Task A_forged_or_malformed_note_is_a_problem()
    {
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var note = await PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, "/api/audit/checkpoint") is { StatusCode: HttpStatusCode.OK } r ? await r.Content.ReadAsStringAsync() : null,
            "a checkpoint", seconds: 60);
        var parsed = SignedNote.Parse(note);
        var checkpoint = Checkpoint.Parse(parsed.Text);
        // Another root under the log's own signature line: the signature no longer covers the text.
        var otherRoot = checkpoint.RootHash.ToArray();
        otherRoot[0] ^= 1;
        var forged = new SignedNote(new Checkpoint(checkpoint.Origin, checkpoint.Size, otherRoot).Format(), parsed.Signatures).Format();
        var refused = await VerifyText(forged, legal, HttpStatusCode.BadRequest);
        Assert.EndsWith("/problems/checkpoint-refused", refused.GetProperty("type").GetString());
        // Signed by a key the log does not know.
        using var stranger = CheckpointSigner.Generate(checkpoint.Origin);
        Assert.EndsWith("/problems/checkpoint-refused", (await VerifyText(stranger.Sign(checkpoint).Format(), legal, HttpStatusCode.BadRequest)).GetProperty("type").GetString());
        await VerifyText("not a note", legal, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/audit/verify-checkpoint", legal, new { other = 1 })).StatusCode);
    }
}
