using CoCreation.Audit.Transparency;

namespace CoCreation.UnitTests.Transparency;

public class MerkleTreeTests
{
    // The Certificate Transparency reference tree (RFC 6962 test data, as in the CT and transparency-dev test suites):
    // its eight leaves, the root of each prefix, and the proofs those suites pin. Confirmed in two independent copies.
    private static readonly List<byte[]> CtLeaves =
        new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(h => MerkleTree.LeafHash(Convert.FromHexString(h))).ToList();

    private static readonly string[] CtRoots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    /// <summary>64 distinct leaves for the exhaustive comparisons.</summary>
    private static readonly List<byte[]> Leaves =
        Enumerable.Range(0, 64).Select(i => ReferenceMerkle.Leaf([(byte)i, (byte)(i * 7), 0x5a])).ToList();

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);
    private static List<string> Hex(IEnumerable<byte[]> proof) => proof.Select(Hex).ToList();

    [Fact]
    public void The_empty_tree_hashes_to_the_sha256_of_nothing_and_the_reference_tree_has_its_published_roots()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(MerkleTree.EmptyRoot));
        for (var n = 0; n <= 8; n++) Assert.Equal(CtRoots[n], Hex(MerkleTree.RootOf(CtLeaves, n)));
    }

    [Theory]
    [InlineData(0, 8, new[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(5, 8, new[] { "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(2, 3, new[] { "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" })]
    [InlineData(1, 5, new[] { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" })]
    public void Inclusion_proofs_of_the_reference_tree_are_the_published_ones(int index, int size, string[] expected)
    {
        var proof = MerkleTree.InclusionProof(CtLeaves, index, size);
        Assert.Equal(expected, Hex(proof));
        Assert.True(MerkleTree.VerifyInclusion(CtLeaves[index], index, size, proof, Convert.FromHexString(CtRoots[size])));
    }

    [Theory]
    [InlineData(1, 8, new[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(6, 8, new[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(2, 5, new[] { "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" })]
    public void Consistency_proofs_of_the_reference_tree_are_the_published_ones(int m, int n, string[] expected)
    {
        var proof = MerkleTree.ConsistencyProof(CtLeaves, m, n);
        Assert.Equal(expected, Hex(proof));
        Assert.True(MerkleTree.VerifyConsistency(m, n, Convert.FromHexString(CtRoots[m]), Convert.FromHexString(CtRoots[n]), proof));
    }

    [Fact]
    public void Roots_agree_with_the_recursive_definition_for_every_size_up_to_64()
    {
        for (var n = 0; n <= 64; n++)
            Assert.Equal(Hex(ReferenceMerkle.Mth(Leaves.GetRange(0, n))), Hex(MerkleTree.RootOf(Leaves, n)));
    }

    [Fact]
    public void Every_inclusion_proof_of_every_size_up_to_64_is_the_rfcs_path_verifies_and_no_tampered_one_does()
    {
        var checkedProofs = 0;
        for (var n = 1; n <= 64; n++)
        {
            var tree = Leaves.GetRange(0, n);
            var root = ReferenceMerkle.Mth(tree);
            for (var i = 0; i < n; i++)
            {
                var proof = MerkleTree.InclusionProof(Leaves, i, n);
                Assert.Equal(Hex(ReferenceMerkle.Path(i, tree)), Hex(proof));
                Assert.True(MerkleTree.VerifyInclusion(Leaves[i], i, n, proof, root), $"leaf {i} of {n}");

                foreach (var (what, leaf, index, size, path, r) in TamperedInclusions(Leaves[i], i, n, proof, root))
                    Assert.False(MerkleTree.VerifyInclusion(leaf, index, size, path, r), $"{what}: leaf {i} of {n}");
                checkedProofs++;
            }
        }
        Assert.Equal(64 * 65 / 2, checkedProofs);
    }

    private static IEnumerable<(string, byte[], long, long, List<byte[]>, byte[])> TamperedInclusions(byte[] leaf, long index, long size, IReadOnlyList<byte[]> proof, byte[] root)
    {
        var path = proof.ToList();
        for (var k = 0; k < path.Count; k++)
        {
            var flipped = path.Select(p => p.ToArray()).ToList();
            flipped[k][k % 32] ^= 0x08;
            yield return ($"bit flipped in proof[{k}]", leaf, index, size, flipped, root);
        }
        var otherLeaf = leaf.ToArray();
        otherLeaf[0] ^= 1;
        yield return ("another leaf", otherLeaf, index, size, path, root);
        var otherRoot = root.ToArray();
        otherRoot[31] ^= 1;
        yield return ("another root", leaf, index, size, path, otherRoot);
        yield return ("the empty root", leaf, index, size, path, MerkleTree.EmptyRoot);
        // Another index or size gives a different walk; it can only succeed by the sibling order coinciding, which
        // for distinct leaves it cannot.
        if (index > 0) yield return ("index - 1", leaf, index - 1, size, path, root);
        if (index + 1 < size) yield return ("index + 1", leaf, index + 1, size, path, root);
        yield return ("index = size", leaf, size, size, path, root);
        yield return ("size * 2", leaf, index, size * 2, path, root);
        if (size / 2 > index) yield return ("size / 2", leaf, index, size / 2, path, root);
        yield return ("trailing hash", leaf, index, size, [.. path, root], root);
        yield return ("preceding hash", leaf, index, size, [root, .. path], root);
        if (path.Count > 0) yield return ("last hash removed", leaf, index, size, path[..^1], root);
        if (path.Count > 1) yield return ("first two swapped", leaf, index, size, [path[1], path[0], .. path[2..]], root);
        if (path.Count > 0) yield return ("a short hash", leaf, index, size, [path[0][..31], .. path[1..]], root);
    }

    [Fact]
    public void Every_consistency_proof_between_sizes_up_to_64_is_the_rfcs_proof_verifies_and_no_tampered_one_does()
    {
        var roots = Enumerable.Range(0, 65).Select(n => ReferenceMerkle.Mth(Leaves.GetRange(0, n))).ToArray();
        var checkedProofs = 0;
        for (var n = 1; n <= 64; n++)
        for (var m = 0; m <= n; m++)
        {
            var proof = MerkleTree.ConsistencyProof(Leaves, m, n);
            var expected = m == 0 || m == n ? [] : ReferenceMerkle.Proof(m, Leaves.GetRange(0, n));
            Assert.Equal(Hex(expected), Hex(proof));
            Assert.True(MerkleTree.VerifyConsistency(m, n, roots[m], roots[n], proof), $"{m} -> {n}");

            foreach (var (what, mm, nn, rm, rn, path) in TamperedConsistencies(m, n, roots, proof))
                Assert.False(MerkleTree.VerifyConsistency(mm, nn, rm, rn, path), $"{what}: {m} -> {n}");
            checkedProofs++;
        }
        Assert.Equal(64 * 65 / 2 + 64, checkedProofs);
    }

    private static IEnumerable<(string, long, long, byte[], byte[], List<byte[]>)> TamperedConsistencies(long m, long n, byte[][] roots, IReadOnlyList<byte[]> proof)
    {
        var path = proof.ToList();
        var rm = roots[m];
        var rn = roots[n];
        var changedM = rm.ToArray();
        changedM[0] ^= 0x10;
        var changedN = rn.ToArray();
        changedN[0] ^= 0x10;
        if (m != n) yield return ("roots swapped", m, n, rn, rm, path);
        yield return ("first root changed", m, n, changedM, rn, path);
        if (m > 0) yield return ("second root changed", m, n, rm, changedN, path);
        yield return ("trailing hash", m, n, rm, rn, [.. path, rn]);
        yield return ("preceding hash", m, n, rm, rn, [rm, .. path]);
        yield return ("older larger than newer", n + 1, n, rm, rn, path);
        if (path.Count == 0) yield break;
        for (var k = 0; k < path.Count; k++)
        {
            var flipped = path.Select(p => p.ToArray()).ToList();
            flipped[k][31 - k % 32] ^= 0x10;
            yield return ($"bit flipped in proof[{k}]", m, n, rm, rn, flipped);
        }
        yield return ("empty proof", m, n, rm, rn, []);
        yield return ("last hash removed", m, n, rm, rn, path[..^1]);
        yield return ("first hash repeated", m, n, rm, rn, [path[0], .. path]);
        if (path.Count > 1) yield return ("first two swapped", m, n, rm, rn, [path[1], path[0], .. path[2..]]);
        // The same roots and proof claimed for other sizes: a proof binds both sizes.
        if (m > 1) yield return ("older size - 1", m - 1, n, rm, rn, path);
        if (m + 1 < n) yield return ("older size + 1", m + 1, n, rm, rn, path);
        if ((m ^ 2) < n) yield return ("older size ^ 2", m ^ 2, n, rm, rn, path);
        yield return ("newer size * 2", m, n * 2, rm, rn, path);
        if (n / 2 >= m) yield return ("newer size / 2", m, n / 2, rm, rn, path);
    }

    [Fact]
    public void The_degenerate_cases_of_consistency_need_an_empty_proof_and_matching_roots()
    {
        var r4 = MerkleTree.RootOf(Leaves, 4);
        var r5 = MerkleTree.RootOf(Leaves, 5);
        Assert.True(MerkleTree.VerifyConsistency(4, 4, r4, r4, []));
        Assert.False(MerkleTree.VerifyConsistency(4, 4, r4, r5, []));
        Assert.False(MerkleTree.VerifyConsistency(4, 4, r4, r4, [r4]));
        Assert.True(MerkleTree.VerifyConsistency(0, 5, MerkleTree.EmptyRoot, r5, []));
        Assert.False(MerkleTree.VerifyConsistency(0, 5, r4, r5, []));
        Assert.False(MerkleTree.VerifyConsistency(0, 5, MerkleTree.EmptyRoot, r5, [r5]));
        Assert.False(MerkleTree.VerifyConsistency(-1, 5, MerkleTree.EmptyRoot, r5, []));
        Assert.False(MerkleTree.VerifyInclusion(Leaves[0], 0, 0, [], MerkleTree.EmptyRoot));
        Assert.False(MerkleTree.VerifyInclusion(Leaves[0], -1, 1, [], Leaves[0]));
        Assert.True(MerkleTree.VerifyInclusion(Leaves[0], 0, 1, [], Leaves[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Leaves, 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Leaves, 0, 65));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(Leaves, 6, 5));
    }

    [Fact]
    public void Proofs_read_from_stored_perfect_subtrees_are_the_same_as_from_the_leaves()
    {
        var stored = new Dictionary<(int, long), byte[]>();
        var frontier = new MerkleFrontier();
        foreach (var leaf in Leaves)
        foreach (var node in frontier.Append(leaf))
            stored.Add((node.Level, node.Index), node.Hash);
        PerfectSubtreeHash read = (level, index) => stored[(level, index)];

        for (var n = 0; n <= 64; n++)
        {
            Assert.Equal(Hex(MerkleTree.RootOf(Leaves, n)), Hex(MerkleTree.RootOf(read, n)));
            for (var i = 0; i < n; i++)
                Assert.Equal(Hex(MerkleTree.InclusionProof(Leaves, i, n)), Hex(MerkleTree.InclusionProof(read, i, n)));
            for (var m = 0; m <= n; m++)
                Assert.Equal(Hex(MerkleTree.ConsistencyProof(Leaves, m, n)), Hex(MerkleTree.ConsistencyProof(read, m, n)));
        }
    }
}
