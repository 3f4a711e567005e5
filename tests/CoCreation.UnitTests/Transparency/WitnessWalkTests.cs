using CoCreation.Audit;
using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Witnessing;

namespace CoCreation.UnitTests.Transparency;

public class WitnessWalkTests
{
    private static ChainedEvent Event(long seq, string title = "Ferry") =>
        new(seq, Guid.Parse("0196d2c4-0000-7000-8000-000000000001"), seq, "idea_submitted", $"{{\"Title\":\"{title}\"}}", null, null, null,
            new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), Guid.Parse($"0196d2c4-0000-7000-8000-{seq:D12}"));

    /// <summary>A log with gaps (sequences 1, 2, 4, 5, 7), its tree as stored, and the checkpoint signed over it.</summary>
    private static readonly long[] Sequences = [1, 2, 4, 5, 7];
    private static readonly List<TreeLeaf> Leaves = Sequences.Select((s, i) => new TreeLeaf(s, i, EventLeaf.HashOf(Event(s)))).ToList();
    private static readonly Checkpoint Signed = new("cocreation.local/log", Leaves.Count, MerkleTree.RootOf(Leaves.Select(l => l.LeafHash).ToList(), Leaves.Count));

    private static WitnessWalk Walk(IEnumerable<(long Seq, ChainedEvent? Row, TreeLeaf? Leaf, string? Erased)> rows)
    {
        var walk = new WitnessWalk();
        foreach (var (seq, row, leaf, erased) in rows) walk.Add(seq, row, leaf, erased);
        return walk;
    }

    private static IEnumerable<(long, ChainedEvent?, TreeLeaf?, string?)> Untouched() =>
        Leaves.Select(l => (l.Seq, (ChainedEvent?)Event(l.Seq), (TreeLeaf?)l, (string?)null));

    [Fact]
    public void The_untouched_log_folds_to_the_signed_root()
    {
        var result = Walk(Untouched()).Result(Signed);
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(result.SignedRoot, result.CurrentRoot);
        Assert.Equal(Convert.ToHexStringLower(Signed.RootHash), result.SignedRoot);
        Assert.Null(result.FirstDifferingSeq);
    }

    [Fact]
    public void A_changed_row_is_named_by_its_leaf()
    {
        var rows = Untouched().Select(r => r.Item1 is 4 or 7 ? (r.Item1, Event(r.Item1, "Changed"), r.Item3, r.Item4) : r);
        var result = Walk(rows).Result(Signed);
        Assert.False(result.Valid);
        Assert.Equal(4, result.FirstDifferingSeq);
        Assert.Contains("event 4 (idea_submitted) was changed", result.Problem);
        Assert.NotEqual(result.SignedRoot, result.CurrentRoot);
    }

    [Fact]
    public void A_removed_row_and_an_inserted_one_are_named()
    {
        var removed = Walk(Untouched().Select(r => r.Item1 == 5 ? (r.Item1, null, r.Item3, null) : r)).Result(Signed);
        Assert.Equal(5, removed.FirstDifferingSeq);
        Assert.Contains("removed", removed.Problem);

        var inserted = Walk(Untouched().Take(2).Append((3, Event(3), null, null)).Concat(Untouched().Skip(2))).Result(Signed);
        Assert.False(inserted.Valid);
        Assert.Equal(3, inserted.FirstDifferingSeq);
        Assert.Contains("inserted", inserted.Problem);
    }

    [Fact]
    public void An_erased_row_keeps_its_stored_leaf_only_when_it_hashes_to_the_recorded_erasure()
    {
        var masked = Event(2, "[erased]");
        var excused = Walk(Untouched().Select(r => r.Item1 == 2 ? (r.Item1, masked, r.Item3, EventChain.HashOf(masked)) : r)).Result(Signed);
        Assert.True(excused.Valid, excused.Problem);

        var other = Walk(Untouched().Select(r => r.Item1 == 2 ? (r.Item1, Event(2, "[something else]"), r.Item3, EventChain.HashOf(masked)) : r)).Result(Signed);
        Assert.False(other.Valid);
        Assert.Equal(2, other.FirstDifferingSeq);
    }

    [Fact]
    public void Rows_rewritten_with_their_stored_leaves_no_longer_fold_to_the_signed_root()
    {
        // The attacker recomputed the leaf with the row: every leaf agrees, only the signed root does not.
        var rows = Untouched().Select(r => r.Item1 == 4
            ? (r.Item1, Event(4, "Changed"), new TreeLeaf(4, 2, EventLeaf.HashOf(Event(4, "Changed"))), r.Item4)
            : r).ToList();
        var walk = Walk(rows);
        Assert.True(walk.Rewritten(Signed));
        var unlocated = walk.Result(Signed);
        Assert.False(unlocated.Valid);
        Assert.Null(unlocated.FirstDifferingSeq);
        Assert.StartsWith("history rewritten: the log no longer folds to the signed root", unlocated.Problem);
        Assert.Contains("cannot be located", unlocated.Problem);
        var located = walk.Result(Signed, (4, "events 4 and 5"));
        Assert.Equal(4, located.FirstDifferingSeq);
        Assert.Contains("events 4 and 5", located.Problem);
        Assert.False(Walk(Untouched()).Rewritten(Signed));
    }

    [Fact]
    public void A_stored_pair_folds_only_over_its_own_leaves()
    {
        var pair = MerkleTree.NodeHash(Leaves[2].LeafHash, Leaves[3].LeafHash);
        Assert.True(WitnessWalk.PairFolds(pair, Leaves[2].LeafHash, Leaves[3].LeafHash));
        Assert.False(WitnessWalk.PairFolds(pair, EventLeaf.HashOf(Event(4, "Changed")), Leaves[3].LeafHash));
        Assert.False(WitnessWalk.PairFolds(pair, Leaves[3].LeafHash, Leaves[2].LeafHash));
    }

    [Fact]
    public void A_shorter_fold_is_not_the_signed_tree()
    {
        var result = Walk(Untouched().Take(4)).Result(Signed);
        Assert.False(result.Valid);
    }
}
