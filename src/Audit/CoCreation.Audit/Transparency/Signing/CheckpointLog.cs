using Marten;
using Npgsql;

namespace CoCreation.Audit.Transparency.Signing;

/// <summary>One signed tree head as stored and served.</summary>
public sealed record StoredCheckpoint(long TreeSize, byte[] RootHash, string Note, DateTimeOffset SignedAt);

/// <summary>
/// Signs the tree's head when the tree grew by anything but the checkpoint events themselves, stores the note in
/// <c>audit.checkpoints</c> and records a <see cref="CheckpointSigned"/> event in the same transaction.
/// </summary>
public sealed class CheckpointLog(NpgsqlDataSource dataSource, IDocumentStore store, TransparencySettings settings, TimeProvider clock)
{
    /// <summary>The stream of the log's own checkpoints.</summary>
    public static readonly Guid StreamId = new("c4ec4b01-7000-4000-8000-0000000000c5");

    public const string EventType = "checkpoint_signed";

    private string Events => AuditStore.EventsTable(store);

    /// <summary>The checkpoint signed, or null when the tree holds nothing new since the last one.</summary>
    public async Task<StoredCheckpoint?> SignIfGrown(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        var tail = await MerkleStore.Tail(connection, token);
        long latest;
        await using (var last = new NpgsqlCommand("select coalesce(max(tree_size), 0) from audit.checkpoints", connection))
            latest = (long)(await last.ExecuteScalarAsync(token))!;
        if (tail.Size <= latest) return null;
        // A checkpoint event is a leaf too: a tree grown by nothing else needs no new head (else one would follow another forever).
        await using (var grown = new NpgsqlCommand(
            $"select exists (select 1 from audit.merkle_leaves l join {Events} e on e.seq_id = l.seq_id where l.leaf_index >= $1 and e.type <> $2)", connection))
        {
            grown.Parameters.Add(new() { Value = latest });
            grown.Parameters.Add(new() { Value = EventType });
            if (!(bool)(await grown.ExecuteScalarAsync(token))!) return null;
        }
        var root = (await MerkleStore.Frontier(connection, tail.Size, token)).Root();
        var note = settings.Signer.Sign(new Checkpoint(settings.Origin, tail.Size, root)).Format();
        var signedAt = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        session.QueueSqlCommand("insert into audit.checkpoints (tree_size, root_hash, note, signed_at) values (?, decode(?, 'hex'), ?, ?) on conflict do nothing",
            tail.Size, Convert.ToHexStringLower(root), note, signedAt);
        session.Events.Append(StreamId, new CheckpointSigned(tail.Size, Convert.ToHexStringLower(root), settings.Signer.KeyId.ToString("x8"), signedAt));
        await session.SaveChangesAsync(token);
        return new StoredCheckpoint(tail.Size, root, note, signedAt);
    }

    public async Task<StoredCheckpoint?> Latest(CancellationToken token) => (await Page(null, 1, token, newest: true)).SingleOrDefault();

    /// <summary>Checkpoints of tree size ≥ <paramref name="from"/>, smallest first.</summary>
    public Task<IReadOnlyList<StoredCheckpoint>> From(long from, int limit, CancellationToken token) => Page(from, limit, token, newest: false);

    private async Task<IReadOnlyList<StoredCheckpoint>> Page(long? from, int limit, CancellationToken token, bool newest)
    {
        await using var command = dataSource.CreateCommand(
            "select tree_size, root_hash, note, signed_at from audit.checkpoints where tree_size >= $1 " +
            $"order by tree_size {(newest ? "desc" : "asc")} limit $2");
        command.Parameters.Add(new() { Value = from ?? 0 });
        command.Parameters.Add(new() { Value = limit });
        var page = new List<StoredCheckpoint>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            page.Add(new StoredCheckpoint(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return page;
    }
}
