using System.Text;

namespace CoCreation.Audit.Transparency.Receipts;

/// <summary>What an offline check of a receipt found; Event names the leaf's event (type, id) when the leaf could be read.</summary>
public sealed record ReceiptVerdict(bool Valid, IReadOnlyList<string> Failures, string? EventType, long? TreeSize);

/// <summary>
/// Checks a receipt with nothing but a trusted verifier key: the checkpoint's signature, the leaf hash recomputed from
/// the leaf, the leaf naming the receipt's event id and sequence, and the inclusion path up to the signed root.
/// </summary>
public static class ReceiptVerifier
{
    public static ReceiptVerdict Verify(Receipt receipt, IReadOnlyCollection<NoteVerifier> trusted)
    {
        var failures = new List<string>();
        if (receipt.Format != Receipt.CurrentFormat) failures.Add($"format is '{receipt.Format}', not '{Receipt.CurrentFormat}'");

        Checkpoint? checkpoint = null;
        try
        {
            var note = SignedNote.Parse(receipt.Checkpoint);
            var verification = note.Verify(trusted);
            if (!verification.Verified) failures.Add($"the checkpoint's signature: {verification.Refusal}");
            checkpoint = Transparency.Checkpoint.Parse(note.Text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            failures.Add($"the checkpoint is not a signed checkpoint note: {ex.Message}");
        }

        byte[]? leaf = null;
        try { leaf = Convert.FromBase64String(receipt.Leaf); }
        catch (FormatException) { failures.Add("the leaf is not base64"); }
        byte[]? leafHash = null;
        try { leafHash = Convert.FromHexString(receipt.LeafHash); }
        catch (FormatException) { failures.Add("the leaf hash is not hex"); }
        string? type = null;
        if (leaf is not null)
        {
            if (leafHash is not null && !MerkleTree.LeafHash(leaf).AsSpan().SequenceEqual(leafHash))
                failures.Add("the leaf hash is not SHA-256(0x00 ‖ leaf)");
            var lines = Encoding.UTF8.GetString(leaf).Split('\n');
            if (lines.Length < 9) failures.Add("the leaf is not an event's canonical bytes (nine lines)");
            else
            {
                type = lines[4];
                if (lines[0] != receipt.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)) failures.Add($"the leaf is event {lines[0]}, not {receipt.Seq}");
                if (lines[1] != receipt.Id.ToString("D")) failures.Add($"the leaf is event id {lines[1]}, not {receipt.Id:D}");
            }
        }

        List<byte[]>? path = null;
        try { path = receipt.Path.Select(Convert.FromHexString).ToList(); }
        catch (FormatException) { failures.Add("the path holds a hash that is not hex"); }
        if (checkpoint is not null)
        {
            if (checkpoint.Size != receipt.TreeSize) failures.Add($"the proof is for a tree of {receipt.TreeSize}, the checkpoint signs {checkpoint.Size}");
            else if (leafHash is not null && path is not null &&
                     (receipt.LeafIndex < 0 || receipt.LeafIndex >= receipt.TreeSize ||
                      !MerkleTree.VerifyInclusion(leafHash, receipt.LeafIndex, receipt.TreeSize, path, checkpoint.RootHash)))
                failures.Add($"the inclusion path of leaf {receipt.LeafIndex} does not lead to the signed root");
        }
        return new ReceiptVerdict(failures.Count == 0, failures, type, checkpoint?.Size);
    }
}
