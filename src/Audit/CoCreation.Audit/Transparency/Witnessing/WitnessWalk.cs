namespace CoCreation.Audit.Transparency.Witnessing;

/// <summary>
/// Refolds the first leaves of the tree from the current rows of the log, in sequence order, one row at a time (the
/// frontier keeps memory at O(log n)), and compares each recomputed leaf hash with the one stored in
/// <c>audit.merkle_leaves</c>. A stored leaf without a row was removed; a row without a leaf, below the last leaf,
/// was inserted. An erased row (its chain hash equals the erasure's recorded hash) keeps its stored leaf hash.
/// </summary>
public sealed class WitnessWalk
{
    private readonly MerkleFrontier _frontier = new();
    private long? _first;
    private string? _problem;

    public long Folded => _frontier.Size;

    public void Add(long sequence, ChainedEvent? e, TreeLeaf? stored, string? erasedHash = null)
    {
        if (e is null && stored is null) return;
        if (e is null)
        {
            Differ(sequence, $"event {sequence} was removed from the log: leaf {stored!.LeafIndex} has no row");
            return;
        }
        var excused = stored is not null && erasedHash is not null && EventChain.HashOf(e) == erasedHash;
        var leafHash = excused ? stored!.LeafHash : EventLeaf.HashOf(e);
        if (stored is null)
            Differ(sequence, $"event {sequence} ({e.Type}) is in the log but not in the tree: inserted behind the application's back");
        else if (!leafHash.AsSpan().SequenceEqual(stored.LeafHash))
            Differ(sequence, $"event {sequence} ({e.Type}) was changed: its leaf hash is {Convert.ToHexStringLower(leafHash)}, " +
                $"the tree recorded {Convert.ToHexStringLower(stored.LeafHash)}");
        _frontier.Append(leafHash);
    }

    /// <summary>
    /// True when every row gave back its stored leaf yet the log does not fold to the signed root: the stored leaves
    /// were rewritten with the rows, so only the stored subtrees (if left alone) can locate the change.
    /// </summary>
    public bool Rewritten(Checkpoint signed) => _first is null && !FoldsTo(signed);

    public WitnessResult Result(Checkpoint signed, (long Seq, string Where)? located = null)
    {
        var current = Convert.ToHexStringLower(_frontier.Root());
        var signedRoot = Convert.ToHexStringLower(signed.RootHash);
        if (_first is not null) return new(false, signed.Size, signedRoot, current, _first, _problem);
        if (FoldsTo(signed)) return new(true, signed.Size, signedRoot, current, null, null);
        const string rewritten = "history rewritten: the log no longer folds to the signed root";
        return located is { } at
            ? new(false, signed.Size, signedRoot, current, at.Seq, $"{rewritten}; the first stored subtree that no longer folds covers {at.Where}")
            : new(false, signed.Size, signedRoot, current, null, $"{rewritten}; the stored tree was rewritten too, so the change cannot be located");
    }

    /// <summary>Whether a stored level-1 subtree is still the node hash of its two stored leaves.</summary>
    public static bool PairFolds(ReadOnlySpan<byte> subtree, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        subtree.SequenceEqual(MerkleTree.NodeHash(left, right));

    private bool FoldsTo(Checkpoint signed) => _frontier.Size == signed.Size && _frontier.Root().AsSpan().SequenceEqual(signed.RootHash);

    private void Differ(long sequence, string problem)
    {
        if (_first is null) (_first, _problem) = (sequence, problem);
    }
}
