using Marten;
using Npgsql;

namespace CoCreation.Audit.Transparency;

/// <summary>The tree's size and the sequence number of its last leaf (0 when empty).</summary>
public sealed record TreeTail(long Size, long LastSeq);

/// <summary>Where an event sits in the tree.</summary>
public sealed record TreeLeaf(long Seq, long LeafIndex, byte[] LeafHash);

/// <summary>
/// The Merkle tree over the log as stored beside the chain (docs/adr/0024): <c>audit.merkle_leaves</c> (level 0, leaf
/// index ↔ sequence ↔ leaf hash) and <c>audit.merkle_subtrees</c> (every finished perfect subtree above it). Grown in
/// the chain's pass and transaction; roots and proofs of any size read O(log² n) stored hashes, in one query.
/// </summary>
public sealed class MerkleStore(NpgsqlDataSource dataSource, IDocumentStore store)
{
    /// <summary>At most this many already-chained events are put into the tree in one pass (a log chained before the tree existed).</summary>
    public const int BacklogPerPass = 5000;

    private string Events => AuditStore.EventsTable(store);

    public static async Task<TreeTail> Tail(NpgsqlConnection connection, CancellationToken token)
    {
        await using var command = new NpgsqlCommand("select leaf_index, seq_id from audit.merkle_leaves order by leaf_index desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token) ? new TreeTail(reader.GetInt64(0) + 1, reader.GetInt64(1)) : new TreeTail(0, 0);
    }

    public async Task<TreeTail> Tail(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        return await Tail(connection, token);
    }

    /// <summary>
    /// Appends to the tree, in the chain's operations, the events the chain links in this pass: first any chained
    /// event the tree does not hold yet (up to <see cref="BacklogPerPass"/>), then, once that backlog is done, the pass's
    /// own events. The frontier is restored from the stored subtrees, so the tree resumes exactly where the last
    /// committed pass left it.
    /// </summary>
    public async Task Grow(NpgsqlConnection connection, long chainHead, IReadOnlyList<ChainedEvent> chained, IDocumentOperations operations,
        CancellationToken token)
    {
        var tail = await Tail(connection, token);
        var leaves = new List<ChainedEvent>();
        if (tail.LastSeq < chainHead)
        {
            await using var backlog = new NpgsqlCommand(
                $"select {AuditStore.EventColumns} from {Events} e join audit.event_chain c on c.seq_id = e.seq_id " +
                "where e.seq_id > $1 and e.seq_id <= $2 order by e.seq_id limit $3", connection);
            backlog.Parameters.Add(new() { Value = tail.LastSeq });
            backlog.Parameters.Add(new() { Value = chainHead });
            backlog.Parameters.Add(new() { Value = BacklogPerPass });
            await using var reader = await backlog.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token)) leaves.Add(AuditStore.Read(reader));
        }
        if (leaves.Count < BacklogPerPass) leaves.AddRange(chained.Where(e => e.Sequence > Math.Max(tail.LastSeq, chainHead)));
        if (leaves.Count == 0) return;

        var frontier = await Frontier(connection, tail.Size, token);
        var indexes = new List<long>();
        var sequences = new List<long>();
        var hashes = new List<string>();
        var levels = new List<int>();
        var subtreeIndexes = new List<long>();
        var subtreeHashes = new List<string>();
        foreach (var e in leaves)
        {
            var leafHash = EventLeaf.HashOf(e);
            indexes.Add(frontier.Size);
            sequences.Add(e.Sequence);
            hashes.Add(Convert.ToHexStringLower(leafHash));
            foreach (var subtree in frontier.Append(leafHash).Where(s => s.Level > 0))
            {
                levels.Add(subtree.Level);
                subtreeIndexes.Add(subtree.Index);
                subtreeHashes.Add(Convert.ToHexStringLower(subtree.Hash));
            }
        }
        operations.QueueSqlCommand(
            "insert into audit.merkle_leaves (leaf_index, seq_id, leaf_hash) select i, s, decode(h, 'hex') from unnest(?, ?, ?) as u(i, s, h)",
            indexes.ToArray(), sequences.ToArray(), hashes.ToArray());
        if (levels.Count > 0)
            operations.QueueSqlCommand(
                "insert into audit.merkle_subtrees (level, idx, hash) select l, i, decode(h, 'hex') from unnest(?, ?, ?) as u(l, i, h)",
                levels.ToArray(), subtreeIndexes.ToArray(), subtreeHashes.ToArray());
    }

    /// <summary>The right edge of the stored tree of the given size: one stored subtree per bit set in it, largest first.</summary>
    public static async Task<MerkleFrontier> Frontier(NpgsqlConnection connection, long size, CancellationToken token)
    {
        var keys = new List<(int Level, long Index)>();
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) == 0) continue;
            keys.Add((level, start >> level));
            start += 1L << level;
        }
        var stored = await Read(connection, keys, token);
        return MerkleFrontier.Restore(size, keys.Select(k => stored[k]));
    }

    /// <summary>
    /// Runs a computation over stored subtree hashes in one query: which hashes a root or proof needs depends only on
    /// sizes and indexes, so a first run with placeholders names them, and the second runs on the stored ones.
    /// </summary>
    public async Task<T> Compute<T>(Func<PerfectSubtreeHash, T> compute, CancellationToken token)
    {
        var keys = new HashSet<(int Level, long Index)>();
        var placeholder = new byte[MerkleTree.HashSize];
        compute((level, index) =>
        {
            keys.Add((level, index));
            return placeholder;
        });
        await using var connection = await dataSource.OpenConnectionAsync(token);
        var stored = await Read(connection, keys, token);
        return compute((level, index) => stored.TryGetValue((level, index), out var hash)
            ? hash
            : throw new InvalidOperationException($"The tree holds no subtree at level {level}, index {index}."));
    }

    /// <summary>The event's leaf, or null when the log has not put it into the tree (yet).</summary>
    public async Task<TreeLeaf?> LeafOf(long seq, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand("select leaf_index, leaf_hash from audit.merkle_leaves where seq_id = $1");
        command.Parameters.Add(new() { Value = seq });
        await using var reader = await command.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token) ? new TreeLeaf(seq, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    private static async Task<Dictionary<(int Level, long Index), byte[]>> Read(NpgsqlConnection connection, ICollection<(int Level, long Index)> keys,
        CancellationToken token)
    {
        var found = new Dictionary<(int, long), byte[]>();
        if (keys.Count == 0) return found;
        await using var command = new NpgsqlCommand(
            "select 0, leaf_index, leaf_hash from audit.merkle_leaves where leaf_index = any($1) " +
            "union all select s.level, s.idx, s.hash from audit.merkle_subtrees s join unnest($2::integer[], $3::bigint[]) as k(l, i) on s.level = k.l and s.idx = k.i",
            connection);
        command.Parameters.Add(new() { Value = keys.Where(k => k.Level == 0).Select(k => k.Index).ToArray() });
        command.Parameters.Add(new() { Value = keys.Where(k => k.Level > 0).Select(k => k.Level).ToArray() });
        command.Parameters.Add(new() { Value = keys.Where(k => k.Level > 0).Select(k => k.Index).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token)) found[(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        return found;
    }
}
