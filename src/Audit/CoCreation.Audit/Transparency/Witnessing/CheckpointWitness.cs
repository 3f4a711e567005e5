using CoCreation.Audit.Transparency.Signing;
using Marten;
using Npgsql;

namespace CoCreation.Audit.Transparency.Witnessing;

/// <summary>
/// Proves the current log still contains a tree head someone saved (docs/adr/0024, Witnessing): the note must be
/// signed by this log's key (or a former one), then the first <c>size</c> leaves are recomputed from the current rows
/// of the event log and folded into a root compared with the signed one. A full scan, streamed.
/// </summary>
public sealed class CheckpointWitness(NpgsqlDataSource dataSource, IDocumentStore store, TransparencySettings settings)
{
    private string Events => AuditStore.EventsTable(store);

    /// <summary>Parses and verifies the note; <see cref="CheckpointRefused"/> when malformed or not signed by a known key.</summary>
    public Checkpoint Verified(string note)
    {
        SignedNote signed;
        Checkpoint checkpoint;
        try
        {
            signed = SignedNote.Parse(note.ReplaceLineEndings("\n"));
            checkpoint = Checkpoint.Parse(signed.Text);
        }
        catch (FormatException e) { throw new CheckpointRefused($"Not a signed checkpoint: {e.Message}"); }
        var verification = signed.Verify(settings.Verifiers);
        if (!verification.Verified) throw new CheckpointRefused($"Not signed by this log's key: {verification.Refusal}");
        return checkpoint;
    }

    public async Task<WitnessResult> Check(string note, CancellationToken token)
    {
        var checkpoint = Verified(note);
        await using var connection = await dataSource.OpenConnectionAsync(token);
        var tail = await MerkleStore.Tail(connection, token);
        if (checkpoint.Size > tail.Size) throw new CheckpointBeyondTree(checkpoint.Size, tail.Size);
        var walk = new WitnessWalk();
        if (checkpoint.Size > 0) await Fold(connection, checkpoint.Size, walk, token);
        return walk.Rewritten(checkpoint)
            ? walk.Result(checkpoint, await FirstUnfoldedPair(connection, checkpoint.Size, token))
            : walk.Result(checkpoint);
    }

    private async Task Fold(NpgsqlConnection connection, long size, WitnessWalk walk, CancellationToken token)
    {
        long lastSeq;
        await using (var last = new NpgsqlCommand("select coalesce(max(seq_id), 0) from audit.merkle_leaves where leaf_index < $1", connection))
        {
            last.Parameters.Add(new() { Value = size });
            lastSeq = (long)(await last.ExecuteScalarAsync(token))!;
        }
        await using var rows = new NpgsqlCommand(
            $"select coalesce(l.seq_id, e.seq_id) as sequence, e.seq_id is not null as logged, l.leaf_index, l.leaf_hash, x.erased_hash, {AuditStore.EventColumns} " +
            $"from (select * from audit.merkle_leaves where leaf_index < $1) l " +
            $"full outer join (select * from {Events} where seq_id <= $2) e on e.seq_id = l.seq_id " +
            "left join audit.erasures x on x.seq_id = coalesce(l.seq_id, e.seq_id) order by 1", connection);
        rows.Parameters.Add(new() { Value = size });
        rows.Parameters.Add(new() { Value = lastSeq });
        await using var reader = await rows.ExecuteReaderAsync(token);
        var leafIndex = reader.GetOrdinal("leaf_index");
        var erased = reader.GetOrdinal("erased_hash");
        while (await reader.ReadAsync(token))
        {
            var sequence = reader.GetInt64(0);
            var e = reader.GetBoolean(1) ? AuditStore.Read(reader) : null;
            var stored = reader.IsDBNull(leafIndex) ? null : new TreeLeaf(sequence, reader.GetInt64(leafIndex), reader.GetFieldValue<byte[]>(leafIndex + 1));
            walk.Add(sequence, e, stored, reader.IsDBNull(erased) ? null : reader.GetString(erased));
        }
    }

    /// <summary>
    /// The stored leaves were rewritten to match the rows: the first stored level-1 subtree that is no longer the
    /// hash of its two stored leaves locates the change to one of those two events (the subtree does not say which). A pair
    /// whose right leaf lies beyond the checkpoint still locates its left one, the checkpoint's last leaf.
    /// </summary>
    private static async Task<(long Seq, string Where)?> FirstUnfoldedPair(NpgsqlConnection connection, long size, CancellationToken token)
    {
        await using var pairs = new NpgsqlCommand(
            "select s.hash, a.leaf_hash, b.leaf_hash, a.seq_id, b.seq_id from audit.merkle_subtrees s " +
            "join audit.merkle_leaves a on a.leaf_index = 2 * s.idx join audit.merkle_leaves b on b.leaf_index = 2 * s.idx + 1 " +
            "where s.level = 1 and 2 * s.idx < $1 order by s.idx", connection);
        pairs.Parameters.Add(new() { Value = size });
        await using var reader = await pairs.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            if (!WitnessWalk.PairFolds(reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)))
                return (reader.GetInt64(3), $"events {reader.GetInt64(3)} and {reader.GetInt64(4)}");
        return null;
    }
}
