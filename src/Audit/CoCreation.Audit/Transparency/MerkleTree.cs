using System.Security.Cryptography;

namespace CoCreation.Audit.Transparency;

/// <summary>
/// Reads the hash of a perfect subtree from where the platform keeps it: the subtree at <paramref name="level"/>
/// and <paramref name="index"/> covers the leaves [index·2^level, (index+1)·2^level); level 0 is a leaf hash.
/// </summary>
public delegate byte[] PerfectSubtreeHash(int level, long index);

/// <summary>
/// The Merkle hash tree of RFC 9162 §2.1 (the same hashing as RFC 6962): SHA-256, leaf hash = SHA-256(0x00 ‖ leaf),
/// interior node = SHA-256(0x01 ‖ left ‖ right), the tree of n &gt; 1 leaves split at the largest power of two
/// smaller than n, the empty tree's hash = SHA-256 of nothing. Functions take leaf hashes (already prefixed and
/// hashed by <see cref="LeafHash"/>), either as a list or through stored perfect subtree hashes.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>MTH({}) = SHA-256() = e3b0c442…b855.</summary>
    public static byte[] EmptyRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var buffer = new byte[1 + leaf.Length];
        leaf.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The largest power of two strictly smaller than n (n ≥ 2): the RFC's split point k.</summary>
    public static long SplitPoint(long n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "A split needs at least two leaves.");
        return 1L << (63 - (int)long.LeadingZeroCount(n - 1));
    }

    /// <summary>MTH(D[0:size]) over the first <paramref name="size"/> leaf hashes.</summary>
    public static byte[] RootOf(IReadOnlyList<byte[]> leafHashes, long size)
    {
        CheckSize(leafHashes, size);
        return size == 0 ? EmptyRoot : ListRange(leafHashes)(0, size);
    }

    /// <summary>MTH(D[0:size]) from stored perfect subtree hashes: at most ⌈log2 size⌉ reads.</summary>
    public static byte[] RootOf(PerfectSubtreeHash stored, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? EmptyRoot : StoredRange(stored)(0, size);
    }

    /// <summary>PATH(index, D[0:size]) of RFC 9162 §2.1.3.1: the audit path, nearest the leaf first.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index, long size)
    {
        CheckSize(leafHashes, size);
        return InclusionProof(ListRange(leafHashes), index, size);
    }

    /// <summary>PATH(index, D[0:size]) read from stored perfect subtree hashes: O(log² size) reads at most.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(PerfectSubtreeHash stored, long index, long size) =>
        InclusionProof(StoredRange(stored), index, size);

    /// <summary>PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1 (SUBPROOF with b = true). Empty when m = 0 or m = n.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long m, long n)
    {
        CheckSize(leafHashes, n);
        return ConsistencyProof(ListRange(leafHashes), m, n);
    }

    public static IReadOnlyList<byte[]> ConsistencyProof(PerfectSubtreeHash stored, long m, long n) =>
        ConsistencyProof(StoredRange(stored), m, n);

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> lead from the leaf at index to the root of the tree of that size?</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size) return false;
        if (leafHash.Length != HashSize || root.Length != HashSize || !AllHashes(proof)) return false;
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else r = NodeHash(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: is the tree of size n with root <paramref name="rootN"/> an append-only extension of the tree
    /// of size m with root <paramref name="rootM"/>? The RFC's procedure covers 0 &lt; m &lt; n; m = n needs an empty
    /// proof and equal roots, m = 0 an empty proof and the empty tree's hash as <paramref name="rootM"/>.
    /// </summary>
    public static bool VerifyConsistency(long m, long n, ReadOnlySpan<byte> rootM, ReadOnlySpan<byte> rootN, IReadOnlyList<byte[]> proof)
    {
        if (m < 0 || m > n) return false;
        if (rootM.Length != HashSize || rootN.Length != HashSize || !AllHashes(proof)) return false;
        if (m == 0) return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(rootM, EmptyRoot);
        if (m == n) return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(rootM, rootN);
        if (proof.Count == 0) return false;

        var path = new List<byte[]>(proof.Count + 1);
        if (IsPowerOfTwo(m)) path.Add(rootM.ToArray());
        path.AddRange(proof);
        var fn = m - 1;
        var sn = n - 1;
        while ((fn & 1) == 1) { fn >>= 1; sn >>= 1; }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else sr = NodeHash(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(fr, rootM) && CryptographicOperations.FixedTimeEquals(sr, rootN);
    }

    private static IReadOnlyList<byte[]> InclusionProof(Func<long, long, byte[]> range, long index, long size)
    {
        if (index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A tree of {size} leaves has no leaf {index}.");
        var path = new List<byte[]>();
        // PATH(m, D[start:end]) = PATH(m, left) : MTH(right) or PATH(m - k, right) : MTH(left); the recursion is walked
        // from the root down, so the siblings are collected root first and reversed at the end.
        long start = 0, end = size, m = index;
        while (end - start > 1)
        {
            var k = SplitPoint(end - start);
            if (m < k)
            {
                path.Add(range(start + k, end));
                end = start + k;
            }
            else
            {
                path.Add(range(start, start + k));
                start += k;
                m -= k;
            }
        }
        path.Reverse();
        return path;
    }

    private static IReadOnlyList<byte[]> ConsistencyProof(Func<long, long, byte[]> range, long m, long n)
    {
        if (m < 0 || m > n) throw new ArgumentOutOfRangeException(nameof(m), m, $"No consistency proof from {m} to {n}.");
        var proof = new List<byte[]>();
        if (m == 0 || m == n) return proof;
        // SUBPROOF(m, D[start:end], b): at m = size of the range, nothing if b (the verifier knows that root), else its
        // hash; otherwise descend left (m ≤ k, keeping b) adding the right sibling, or right (b = false) adding the left.
        long start = 0, end = n;
        var known = true;
        var tail = new List<byte[]>();
        while (m != end - start)
        {
            var k = SplitPoint(end - start);
            if (m <= k)
            {
                tail.Add(range(start + k, end));
                end = start + k;
            }
            else
            {
                tail.Add(range(start, start + k));
                start += k;
                m -= k;
                known = false;
            }
        }
        if (!known) proof.Add(range(start, end));
        tail.Reverse();
        proof.AddRange(tail);
        return proof;
    }

    /// <summary>MTH(D[start:end]) computed from the leaf hashes.</summary>
    private static Func<long, long, byte[]> ListRange(IReadOnlyList<byte[]> leaves)
    {
        byte[] Range(long start, long end)
        {
            if (end - start == 1) return leaves[(int)start];
            var k = SplitPoint(end - start);
            return NodeHash(Range(start, start + k), Range(start + k, end));
        }
        return Range;
    }

    /// <summary>
    /// MTH(D[start:end]) from stored perfect subtrees. Every range the proofs ask for is either a perfect subtree
    /// aligned on its size, or ends at the tree's size and starts on a multiple of a power of two at least as large
    /// as the range: both split, greedily from the left, into aligned perfect subtrees folded from the right.
    /// </summary>
    private static Func<long, long, byte[]> StoredRange(PerfectSubtreeHash stored) => (start, end) =>
    {
        var parts = new List<byte[]>();
        var at = start;
        while (at < end)
        {
            var level = 63 - (int)long.LeadingZeroCount(end - at);
            if (at != 0) level = Math.Min(level, (int)long.TrailingZeroCount(at));
            parts.Add(stored(level, at >> level));
            at += 1L << level;
        }
        var r = parts[^1];
        for (var i = parts.Count - 2; i >= 0; i--) r = NodeHash(parts[i], r);
        return r;
    };

    private static void CheckSize(IReadOnlyList<byte[]> leaves, long size)
    {
        if (size < 0 || size > leaves.Count)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The list holds {leaves.Count} leaves.");
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof) => proof.All(p => p is { Length: HashSize });

    private static bool IsPowerOfTwo(long x) => (x & (x - 1)) == 0;
}
