using CoCreation.Audit;
using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Receipts;

namespace CoCreation.UnitTests.Transparency;

public class ReceiptVerifierTests
{
    private static ChainedEvent Event(long seq, Guid id) =>
        new(seq, Guid.Parse("0196d2c4-0000-7000-8000-000000000001"), seq, "vote_cast", "{\"Voter\":\"ada\"}", "c", null, null,
            new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero), id);

    /// <summary>Five events (sequences 1, 2, 4, 5, 6: a gap at 3), a receipt for the one at leaf 2 (sequence 4) under a signed head of 5.</summary>
    private static (Receipt Receipt, CheckpointSigner Signer) Made()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Guid.CreateVersion7()).ToArray();
        var events = new[] { 1L, 2, 4, 5, 6 }.Select((seq, i) => Event(seq, ids[i])).ToList();
        var leaves = events.Select(EventLeaf.HashOf).ToList();
        var signer = CheckpointSigner.Generate("cocreation.test/log");
        var note = signer.Sign(new Checkpoint("cocreation.test/log", 5, MerkleTree.RootOf(leaves, 5))).Format();
        var path = MerkleTree.InclusionProof(leaves, 2, 5).Select(Convert.ToHexStringLower).ToList();
        return (new Receipt(Receipt.CurrentFormat, ids[2], 4, 2, Convert.ToBase64String(EventChain.CanonicalBytes(events[2])),
            Convert.ToHexStringLower(leaves[2]), 5, path, note, signer.VerifierKey), signer);
    }

    [Fact]
    public void A_receipt_made_from_the_tree_verifies_with_the_logs_key()
    {
        var (receipt, signer) = Made();
        var verdict = ReceiptVerifier.Verify(receipt, [signer.Verifier]);
        Assert.True(verdict.Valid, string.Join("; ", verdict.Failures));
        Assert.Equal("vote_cast", verdict.EventType);
        Assert.Equal(5, verdict.TreeSize);
    }

    [Fact]
    public void Each_tampering_is_named()
    {
        var (receipt, signer) = Made();
        string[] Failures(Receipt r) => ReceiptVerifier.Verify(r, [signer.Verifier]).Failures.ToArray();

        Assert.Contains(Failures(receipt with { Id = Guid.NewGuid() }), f => f.StartsWith("the leaf is event id"));
        Assert.Contains(Failures(receipt with { Seq = 5 }), f => f == "the leaf is event 4, not 5");
        Assert.Contains(Failures(receipt with { LeafIndex = 3 }), f => f.Contains("does not lead to the signed root"));
        Assert.Contains(Failures(receipt with { TreeSize = 4 }), f => f.Contains("the checkpoint signs 5"));
        var path = receipt.Path.ToList();
        path[0] = new string('0', 64);
        Assert.Contains(Failures(receipt with { Path = path }), f => f.Contains("does not lead to the signed root"));
        Assert.Contains(Failures(receipt with { LeafHash = new string('a', 64) }), f => f == "the leaf hash is not SHA-256(0x00 ‖ leaf)");
        Assert.Contains(Failures(receipt with { Checkpoint = "not a note" }), f => f.StartsWith("the checkpoint is not a signed checkpoint note"));
        Assert.Contains(Failures(receipt with { Format = "other/1" }), f => f.StartsWith("format is"));
        using var stranger = CheckpointSigner.Generate("cocreation.test/log");
        Assert.False(ReceiptVerifier.Verify(receipt, [stranger.Verifier]).Valid, "a key that did not sign it proves nothing");
    }
}
