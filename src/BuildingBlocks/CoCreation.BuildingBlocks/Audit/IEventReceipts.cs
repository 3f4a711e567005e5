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

    /// <summary>Which of these receipted events (ids of <see cref="IHasReceipt"/> events) a signed checkpoint already covers: their receipt exists.</summary>
    Task<IReadOnlySet<Guid>> Signed(IReadOnlyCollection<Guid> eventIds, CancellationToken token);

    /// <summary>The key that signs the log's checkpoints now, as GET /api/audit/public-key answers it.</summary>
    string VerifierKey { get; }
}

/// <summary>
/// Where a receipt is and who may see it (docs/adr/0024): its event's actor (the voter, the contributor), legal and
/// admin. Pages link to <see cref="PageHref"/> (the browser's cookie), the API answers at <see cref="ApiHref"/>.
/// </summary>
public static class ReceiptLinks
{
    public const string PagePattern = "/receipts/{id:guid}";

    public static string PageHref(Guid id) => $"/receipts/{id}";

    public static string ApiHref(Guid id) => $"/api/receipts/{id}";

    public static bool MaySee(Auth.Viewer viewer, string? actor) =>
        (viewer.Id is { } me && me == actor) || viewer.Is(Auth.Roles.Legal) || viewer.Is(Auth.Roles.Admin);
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
