namespace CoCreation.Audit.Transparency.Receipts;

/// <summary>
/// A self-contained proof that one event (a vote, a contribution) is in the signed log (docs/adr/0024): the event's
/// leaf (its canonical bytes, base64), the leaf's hash, its index in the tree, the signed checkpoint and the inclusion
/// path from the leaf to that checkpoint's root. <see cref="VerifierKey"/> says which key signed it; a verifier checks
/// the note with the key it obtained on its own, never with this field alone.
/// </summary>
public sealed record Receipt(
    string Format, Guid Id, long Seq, long LeafIndex, string Leaf, string LeafHash, long TreeSize, IReadOnlyList<string> Path,
    string Checkpoint, string VerifierKey)
{
    public const string CurrentFormat = "cocreation-receipt/1";
}
