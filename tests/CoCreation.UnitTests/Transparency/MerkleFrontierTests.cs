using CoCreation.Audit.Transparency;

namespace CoCreation.UnitTests.Transparency;

public class MerkleFrontierTests
{
    private static readonly List<byte[]> Leaves =
        Enumerable.Range(0, 200).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i * 31 + 7))).ToList();

    [Fact]
    public void The_frontiers_root_is_the_trees_root_at_every_size_up_to_200()
    {
        var frontier = new MerkleFrontier();
        for (var n = 0; n <= 200; n++)
        {
            Assert.Equal(n, frontier.Size);
            Assert.Equal(long.PopCount(n), frontier.Hashes.Count);
            Assert.Equal(Convert.ToHexString(MerkleTree.RootOf(Leaves, n)), Convert.ToHexString(frontier.Root()));
            if (n < 200) frontier.Append(Leaves[n]);
        }
        Assert.Equal(Convert.ToHexString(ReferenceMerkle.Mth(Leaves)), Convert.ToHexString(frontier.Root()));
    }

    [Fact]
    public void Each_append_reports_the_perfect_subtrees_it_completes_with_their_hashes()
    {
        var frontier = new MerkleFrontier();
        var reported = new List<CompletedSubtree>();
        for (var n = 0; n < 200; n++)
        {
            var completed = frontier.Append(Leaves[n]);
            // The leaf, then one subtree per trailing one bit of the old size.
            Assert.Equal(1 + long.TrailingZeroCount(~(long)n), completed.Count);
            Assert.Equal((0, (long)n), (completed[0].Level, completed[0].Index));
            reported.AddRange(completed);
        }
        // Every perfect subtree inside 200 leaves exactly once: 200 + 100 + 50 + 25 + 12 + 6 + 3 + 1.
        Assert.Equal(397, reported.Count);
        Assert.Equal(reported.Count, reported.Select(s => (s.Level, s.Index)).Distinct().Count());
        foreach (var s in reported)
        {
            var width = 1 << s.Level;
            Assert.Equal(Convert.ToHexString(ReferenceMerkle.Mth(Leaves.GetRange((int)s.Index * width, width))), Convert.ToHexString(s.Hash));
        }
    }

    [Fact]
    public void A_restored_frontier_goes_on_as_if_it_had_never_stopped()
    {
        var frontier = new MerkleFrontier();
        foreach (var leaf in Leaves.Take(77)) frontier.Append(leaf);
        var restored = MerkleFrontier.Restore(frontier.Size, frontier.Hashes);
        foreach (var leaf in Leaves.Skip(77)) restored.Append(leaf);
        Assert.Equal(Convert.ToHexString(MerkleTree.RootOf(Leaves, 200)), Convert.ToHexString(restored.Root()));

        Assert.Throws<ArgumentException>(() => MerkleFrontier.Restore(77, frontier.Hashes.Take(3)));
        Assert.Throws<ArgumentException>(() => MerkleFrontier.Restore(76, frontier.Hashes));
        Assert.Throws<ArgumentException>(() => new MerkleFrontier().Append(new byte[31]));
    }
}
