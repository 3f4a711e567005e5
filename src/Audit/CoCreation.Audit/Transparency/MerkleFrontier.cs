namespace CoCreation.Audit.Transparency;

/// <summary>A perfect subtree finished by an append: leaves [Index·2^Level, (Index+1)·2^Level), and its hash.</summary>
public sealed record CompletedSubtree(int Level, long Index, byte[] Hash);

/// <summary>
/// The right edge of the tree (a compact range over [0, Size)): one perfect subtree hash for each bit set in Size,
/// largest (leftmost) first. Appending a leaf costs O(log n) hashes, the root a fold of at most log2 n hashes, and
/// nothing before the edge is ever read again.
/// <para>
/// What the platform stores beside the chain: (1) the frontier itself, <see cref="Size"/> and <see cref="Hashes"/>
/// (popcount(Size) hashes of 32 bytes), enough to resume appending after a restart through <see cref="Restore"/>;
/// (2) for proofs, every <see cref="CompletedSubtree"/> that <see cref="Append"/> reports, keyed by (level, index):
/// one per leaf at level 0 plus one per merge, about 2n rows for n leaves. Those are exactly what
/// <see cref="PerfectSubtreeHash"/> reads, so <see cref="MerkleTree.RootOf(PerfectSubtreeHash,long)"/> and the proofs
/// of any size up to <see cref="Size"/> need no recomputation. (Tiles, C2SP tlog-tiles, are a packing of the same
/// (level, index) hashes, should the store outgrow a row per node.)
/// </para>
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<byte[]> _hashes;

    public MerkleFrontier() : this(0, []) { }

    private MerkleFrontier(long size, List<byte[]> hashes)
    {
        Size = size;
        _hashes = hashes;
    }

    public long Size { get; private set; }

    /// <summary>The perfect subtree hashes of the right edge, largest first: popcount(Size) of them.</summary>
    public IReadOnlyList<byte[]> Hashes => _hashes;

    /// <summary>Resumes from a stored frontier; refuses one whose hash count does not match its size.</summary>
    public static MerkleFrontier Restore(long size, IEnumerable<byte[]> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var list = hashes.Select(h => h.Length == MerkleTree.HashSize ? h.ToArray() : throw new ArgumentException("A subtree hash is 32 bytes.", nameof(hashes))).ToList();
        if (list.Count != long.PopCount(size))
            throw new ArgumentException($"A tree of {size} leaves has {long.PopCount(size)} edge subtrees, not {list.Count}.", nameof(hashes));
        return new MerkleFrontier(size, list);
    }

    /// <summary>Appends a leaf hash (see <see cref="MerkleTree.LeafHash"/>) and reports the perfect subtrees it completes, the leaf first.</summary>
    public IReadOnlyList<CompletedSubtree> Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleTree.HashSize) throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        var index = Size;
        var hash = leafHash.ToArray();
        var completed = new List<CompletedSubtree> { new(0, index, hash) };
        // Each trailing 1 bit of the old size is a perfect subtree on the edge as large as what is being carried: merge.
        var level = 0;
        for (var bits = Size; (bits & 1) == 1; bits >>= 1)
        {
            hash = MerkleTree.NodeHash(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);
            level++;
            index >>= 1;
            completed.Add(new CompletedSubtree(level, index, hash));
        }
        _hashes.Add(hash);
        Size++;
        return completed;
    }

    /// <summary>MTH(D[0:Size]): the edge folded from the right (the RFC's split at the largest power of two, repeatedly).</summary>
    public byte[] Root()
    {
        if (_hashes.Count == 0) return MerkleTree.EmptyRoot;
        var root = _hashes[^1];
        for (var i = _hashes.Count - 2; i >= 0; i--) root = MerkleTree.NodeHash(_hashes[i], root);
        return root;
    }
}
