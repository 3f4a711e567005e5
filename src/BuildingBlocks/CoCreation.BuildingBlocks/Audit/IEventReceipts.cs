namespace CoCreation.BuildingBlocks.Audit;

/// <summary>
/// Receipts of some events, all against the same signed checkpoint (the latest): each receipt is the JSON document
/// GET /api/receipts/{id} serves (<c>cocreation-receipt/1</c>, docs/adr/0024), keyed by the event's sequence number.
/// <see cref="Pending"/> are the events asked for that have no receipt: not yet in a signed checkpoint, or whose row no
/// longer holds its leaf's content (erased).
/// </summary>
public sealed record EventReceipts(long? TreeSize, string? Checkpoint, string? VerifierKey, IReadOnlyDictionary<long, string> Receipts,
    IReadOnlyList<long> Pending);

/// <summary>
/// Lets a module hand out its events' receipts with its own documents (the provenance export) without knowing how the
/// log's tree and checkpoints are kept. Registered only when the log signs checkpoints: resolve it optionally.
/// </summary>
public interface IEventReceipts
{
    Task<EventReceipts> For(IReadOnlyCollection<long> sequences, CancellationToken token);
}

/// <summary>
/// The event a receipt's leaf is made of, as the leaf says (the canonical bytes of docs/adr/0024): its sequence, id,
/// stream, version, type and its data as canonical JSON (RFC 8785 member order).
/// </summary>
public sealed record ReceiptLeaf(long Sequence, Guid EventId, Guid StreamId, long Version, string Type, string CanonicalData);

/// <summary>What an offline check of one receipt found: valid, or why not; the leaf's event when the leaf could be read.</summary>
public sealed record ReceiptCheck(bool Valid, IReadOnlyList<string> Failures, ReceiptLeaf? Leaf, long? TreeSize);

/// <summary>
/// Checks a receipt (its JSON, as GET /api/receipts/{id} serves it) offline, with nothing but the verifier keys the
/// checker trusts, which the implementation was made with: the checkpoint's signature, the leaf's hash and the
/// inclusion path to the signed root. Lets a module verify the receipts its documents carry without the log's code.
/// </summary>
public interface IReceiptChecker
{
    ReceiptCheck Check(string receiptJson);
}
