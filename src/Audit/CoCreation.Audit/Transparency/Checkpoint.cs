using System.Globalization;
using System.Text;

namespace CoCreation.Audit.Transparency;

/// <summary>
/// A tree head in the C2SP tlog-checkpoint format, the text of a signed note: the origin line, the tree size in
/// decimal (no leading zeroes), the root hash in standard base64, then optional non-empty extension lines, each
/// line ending in a newline.
/// </summary>
public sealed record Checkpoint
{
    public Checkpoint(string origin, long size, byte[] rootHash, IReadOnlyList<string>? extensions = null)
    {
        if (string.IsNullOrEmpty(origin) || origin.Any(char.IsControl))
            throw new ArgumentException("The origin is one non-empty line.", nameof(origin));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != MerkleTree.HashSize) throw new ArgumentException("The root hash is 32 bytes.", nameof(rootHash));
        extensions ??= [];
        if (extensions.Any(e => string.IsNullOrEmpty(e) || e.Any(char.IsControl)))
            throw new ArgumentException("Extension lines are non-empty single lines.", nameof(extensions));
        Origin = origin;
        Size = size;
        RootHash = rootHash.ToArray();
        Extensions = extensions.ToArray();
    }

    public string Origin { get; }
    public long Size { get; }
    public byte[] RootHash { get; }
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text: every line ends in a newline, the last one included.</summary>
    public string Format()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var line in Extensions) text.Append(line).Append('\n');
        return text.ToString();
    }

    /// <summary>Parses a note text strictly; <see cref="FormatException"/> for anything the format does not allow.</summary>
    public static Checkpoint Parse(string text)
    {
        if (!text.EndsWith('\n')) throw new FormatException("A checkpoint ends in a newline.");
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3) throw new FormatException("A checkpoint has an origin, a tree size and a root hash.");
        if (lines.Any(l => l.Length == 0)) throw new FormatException("A checkpoint has no empty line.");
        var sizeLine = lines[1];
        if (!sizeLine.All(char.IsAsciiDigit) || (sizeLine.Length > 1 && sizeLine[0] == '0')
            || !long.TryParse(sizeLine, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw new FormatException($"The tree size '{sizeLine}' is not a decimal number without leading zeroes.");
        byte[] root;
        try { root = Convert.FromBase64String(lines[2]); }
        catch (FormatException) { throw new FormatException("The root hash is not base64."); }
        if (root.Length != MerkleTree.HashSize || Convert.ToBase64String(root) != lines[2])
            throw new FormatException("The root hash is not the canonical base64 of 32 bytes.");
        try { return new Checkpoint(lines[0], size, root, lines[3..]); }
        catch (ArgumentException e) { throw new FormatException(e.Message, e); }
    }

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size && RootHash.AsSpan().SequenceEqual(other.RootHash)
        && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToBase64String(RootHash));
}
