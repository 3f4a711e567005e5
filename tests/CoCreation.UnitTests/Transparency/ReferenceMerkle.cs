using System.Security.Cryptography;

namespace CoCreation.UnitTests.Transparency;

/// <summary>
/// RFC 9162 §2.1's definitions written as literally as possible, slow and recursive, to judge the real
/// implementation by: MTH, PATH and PROOF/SUBPROOF over lists of leaf hashes, sliced like D[a:b].
/// </summary>
internal static class ReferenceMerkle
{
    public static byte[] Leaf(byte[] data) => SHA256.HashData([0x00, .. data]);

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>The largest power of two smaller than n, found by doubling.</summary>
    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }

    private static List<byte[]> D(List<byte[]> d, int from, int to) => d.GetRange(from, to - from);

    public static byte[] Mth(List<byte[]> d)
    {
        if (d.Count == 0) return SHA256.HashData([]);
        if (d.Count == 1) return d[0];
        var k = K(d.Count);
        return Node(Mth(D(d, 0, k)), Mth(D(d, k, d.Count)));
    }

    public static List<byte[]> Path(int m, List<byte[]> d)
    {
        var n = d.Count;
        if (n == 1) return [];
        var k = K(n);
        return m < k
            ? [.. Path(m, D(d, 0, k)), Mth(D(d, k, n))]
            : [.. Path(m - k, D(d, k, n)), Mth(D(d, 0, k))];
    }

    public static List<byte[]> Proof(int m, List<byte[]> d) => SubProof(m, d, true);

    private static List<byte[]> SubProof(int m, List<byte[]> d, bool b)
    {
        var n = d.Count;
        if (m == n) return b ? [] : [Mth(d)];
        var k = K(n);
        return m <= k
            ? [.. SubProof(m, D(d, 0, k), b), Mth(D(d, k, n))]
            : [.. SubProof(m - k, D(d, k, n), false), Mth(D(d, 0, k))];
    }
}
