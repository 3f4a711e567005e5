using System.Text.Json;
using CoCreation.Audit.Transparency.Signing;
using CoCreation.BuildingBlocks.Audit;
using Marten;
using Npgsql;

namespace CoCreation.Audit.Transparency.Receipts;

/// <summary>Why an event has no receipt (yet): no signed checkpoint covers it, or its row no longer holds its leaf's content.</summary>
public enum NoReceipt { NotSignedYet, ContentChanged }

/// <summary>
/// Makes receipts (docs/adr/0024): an event's leaf as the tree holds it, the latest signed note and the inclusion path
/// to its root. Serves GET /api/receipts/{id} and, through <see cref="IEventReceipts"/>, the modules that hand their
/// events' receipts out with their own documents (the provenance export). Registered only when checkpoints are signed.
/// </summary>
public sealed class ReceiptIssuer(NpgsqlDataSource db, IDocumentStore store, MerkleStore tree, CheckpointLog checkpoints, TransparencySettings settings)
    : IEventReceipts
{
    /// <summary>The JSON of a receipt as the receipts route serves it (camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The receipted event of this id and its actor header, or null for an id the log does not hold.</summary>
    public async Task<(ChainedEvent Event, string? Actor)?> EventOf(Guid id, CancellationToken token)
    {
        await using var command = db.CreateCommand($"select {AuditStore.EventColumns}, e.headers ->> $2 as actor from {AuditStore.EventsTable(store)} e where e.id = $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = CoCreation.BuildingBlocks.Metadata.EventHeaders.Actor });
        await using var reader = await command.ExecuteReaderAsync(token);
        if (!await reader.ReadAsync(token)) return null;
        var actor = reader.IsDBNull(reader.GetOrdinal("actor")) ? null : reader.GetString(reader.GetOrdinal("actor"));
        return (AuditStore.Read(reader), actor);
    }

    public string VerifierKey => settings.Signer.VerifierKey;

    public Task<StoredCheckpoint?> LatestCheckpoint(CancellationToken token) => checkpoints.Latest(token);

    /// <summary>The event's receipt against the signed checkpoint, or why there is none.</summary>
    public async Task<(Receipt? Receipt, NoReceipt? Missing)> Issue(ChainedEvent e, StoredCheckpoint? signed, CancellationToken token)
    {
        var leaf = await tree.LeafOf(e.Sequence, token);
        if (leaf is null || signed is null || signed.TreeSize <= leaf.LeafIndex) return (null, NoReceipt.NotSignedYet);
        // The leaf as the tree holds it: the row's bytes now, unless they changed since (an erasure masks it): then
        // the row can no longer show what its leaf was made of.
        var bytes = EventChain.CanonicalBytes(e);
        if (!MerkleTree.LeafHash(bytes).AsSpan().SequenceEqual(leaf.LeafHash)) return (null, NoReceipt.ContentChanged);
        var path = await tree.Compute(stored => MerkleTree.InclusionProof(stored, leaf.LeafIndex, signed.TreeSize), token);
        return (new Receipt(Receipt.CurrentFormat, e.EventId, e.Sequence, leaf.LeafIndex, Convert.ToBase64String(bytes),
            Convert.ToHexStringLower(leaf.LeafHash), signed.TreeSize, path.Select(Convert.ToHexStringLower).ToList(), signed.Note,
            settings.Signer.VerifierKey), null);
    }

    /// <summary>The events of these ids whose leaf the latest signed checkpoint covers (one query).</summary>
    public async Task<IReadOnlySet<Guid>> Signed(IReadOnlyCollection<Guid> eventIds, CancellationToken token)
    {
        var signed = new HashSet<Guid>();
        if (eventIds.Count == 0) return signed;
        await using var command = db.CreateCommand(
            $"select e.id from {AuditStore.EventsTable(store)} e join audit.merkle_leaves l on l.seq_id = e.seq_id " +
            "where e.id = any($1) and l.leaf_index < (select coalesce(max(tree_size), 0) from audit.checkpoints)");
        command.Parameters.Add(new() { Value = eventIds.Distinct().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token)) signed.Add(reader.GetGuid(0));
        return signed;
    }

    /// <summary>Receipts of these events against the latest checkpoint, as JSON; the others are pending.</summary>
    public async Task<EventReceipts> For(IReadOnlyCollection<long> sequences, CancellationToken token)
    {
        var signed = await checkpoints.Latest(token);
        var events = new List<ChainedEvent>();
        await using (var command = db.CreateCommand($"select {AuditStore.EventColumns} from {AuditStore.EventsTable(store)} e where e.seq_id = any($1) order by e.seq_id"))
        {
            command.Parameters.Add(new() { Value = sequences.Distinct().ToArray() });
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token)) events.Add(AuditStore.Read(reader));
        }
        var receipts = new Dictionary<long, string>();
        foreach (var e in events)
            if ((await Issue(e, signed, token)).Receipt is { } receipt) receipts[e.Sequence] = JsonSerializer.Serialize(receipt, Json);
        return new EventReceipts(signed?.TreeSize, signed?.Note, settings.Signer.VerifierKey, receipts,
            sequences.Distinct().Where(s => !receipts.ContainsKey(s)).Order().ToList());
    }
}
