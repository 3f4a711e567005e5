using System.Globalization;
using System.Text;
using System.Text.Json;
using CoCreation.BuildingBlocks.Audit;

namespace CoCreation.Audit.Transparency.Receipts;

/// <summary>
/// <see cref="IReceiptChecker"/> over <see cref="ReceiptVerifier"/>, with the verifier keys the checker trusts (e.g. the
/// <c>--key</c>s of <c>audit verify-export</c>): no database, no configuration. Also reads the leaf's event back from its
/// canonical bytes, so a document carrying the receipt can be compared with the event it claims.
/// </summary>
public sealed class OfflineReceiptChecker(IReadOnlyCollection<NoteVerifier> trusted) : IReceiptChecker
{
    public ReceiptCheck Check(string receiptJson)
    {
        Receipt? receipt;
        try { receipt = JsonSerializer.Deserialize<Receipt>(receiptJson, ReceiptIssuer.Json); }
        catch (JsonException ex) { return new ReceiptCheck(false, [$"not a receipt: {ex.Message}"], null, null); }
        if (receipt is null || receipt.Leaf is null || receipt.Checkpoint is null || receipt.Path is null || receipt.LeafHash is null)
            return new ReceiptCheck(false, ["not a receipt: fields are missing"], null, null);
        var verdict = ReceiptVerifier.Verify(receipt, trusted);
        return new ReceiptCheck(verdict.Valid, verdict.Failures, LeafOf(receipt.Leaf), verdict.TreeSize);
    }

    /// <summary>The event a leaf (base64 of the canonical bytes, docs/adr/0024) is made of, or null when it is not one.</summary>
    public static ReceiptLeaf? LeafOf(string base64Leaf)
    {
        string[] lines;
        try { lines = Encoding.UTF8.GetString(Convert.FromBase64String(base64Leaf)).Split('\n'); }
        catch (FormatException) { return null; }
        if (lines.Length != 9) return null;
        return long.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
               && Guid.TryParseExact(lines[1], "D", out var id) && Guid.TryParseExact(lines[2], "D", out var stream)
               && long.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new ReceiptLeaf(sequence, id, stream, version, lines[4], lines[7])
            : null;
    }
}
