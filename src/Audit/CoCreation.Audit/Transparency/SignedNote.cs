using System.Buffers.Binary;
using System.Text;

namespace CoCreation.Audit.Transparency;

/// <summary>One signature line of a note: the key's name, its 32-bit key ID and the signature over the note text.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>"— &lt;name&gt; &lt;base64(key ID big-endian ‖ signature)&gt;", without its newline.</summary>
    public string Line()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.CopyTo(bytes, 4);
        return $"{SignedNote.EmDash} {KeyName} {Convert.ToBase64String(bytes)}";
    }
}

/// <summary>
/// A C2SP signed note: a text ending in a newline, a blank line, then one or more signature lines. The signatures
/// cover the text's UTF-8 bytes, its final newline included, not the blank line. The text is to be believed only
/// once <see cref="Verify"/> has found a trusted key's signature.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    public const char EmDash = '\u2014';

    /// <summary>More signature lines than this make the note refused (the spec asks to accept at least 16).</summary>
    public const int MaxSignatures = 100;

    public string Format()
    {
        CheckText(Text);
        if (Signatures.Count == 0) throw new InvalidOperationException("A signed note has at least one signature.");
        var note = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            if (!NoteVerifier.IsValidName(signature.KeyName)) throw new InvalidOperationException($"'{signature.KeyName}' is not a key name.");
            note.Append(signature.Line()).Append('\n');
        }
        return note.ToString();
    }

    /// <summary>Parses the note's form only (no signature is checked); <see cref="FormatException"/> when malformed.</summary>
    public static SignedNote Parse(string note)
    {
        if (note.Any(c => c < 0x20 && c != '\n')) throw new FormatException("A note holds no control character but newlines.");
        if (HasLoneSurrogate(note)) throw new FormatException("A note is valid UTF-8.");
        // The text ends at the last blank line: everything after it is signatures.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) throw new FormatException("A note has a blank line between its text and its signatures.");
        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || !block.EndsWith('\n')) throw new FormatException("Signature lines end in a newline.");
        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures) throw new FormatException($"More than {MaxSignatures} signatures.");
        return new SignedNote(text, lines.Select(ParseLine).ToList());
    }

    /// <summary>
    /// The spec's rule: signatures from unknown keys (name and key ID not both matching a verifier) are ignored; a
    /// known key's signature that fails refuses the whole note; at least one known key must have signed.
    /// </summary>
    public NoteVerification Verify(IEnumerable<NoteVerifier> verifiers)
    {
        var known = verifiers.ToList();
        var text = Encoding.UTF8.GetBytes(Text);
        var verifiedBy = new List<NoteVerifier>();
        foreach (var signature in Signatures)
        {
            var verifier = known.FirstOrDefault(v => v.Name == signature.KeyName && v.KeyId == signature.KeyId);
            if (verifier is null) continue;
            if (!verifier.Verify(text, signature.Signature))
                return new NoteVerification(false, $"The signature of {verifier.Name} ({verifier.KeyId:x8}) does not verify.", []);
            if (!verifiedBy.Contains(verifier)) verifiedBy.Add(verifier);
        }
        return verifiedBy.Count == 0
            ? new NoteVerification(false, "No signature from a known key.", [])
            : new NoteVerification(true, null, verifiedBy);
    }

    public NoteVerification Verify(params NoteVerifier[] verifiers) => Verify((IEnumerable<NoteVerifier>)verifiers);

    private static NoteSignature ParseLine(string line)
    {
        if (line.Length < 2 || line[0] != EmDash || line[1] != ' ') throw new FormatException("A signature line starts with an em dash and a space.");
        var parts = line[2..].Split(' ');
        if (parts.Length != 2 || !NoteVerifier.IsValidName(parts[0])) throw new FormatException("A signature line is '— <key name> <base64 signature>'.");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(parts[1]); }
        catch (FormatException) { throw new FormatException("The signature is not base64."); }
        if (bytes.Length < 5 || Convert.ToBase64String(bytes) != parts[1]) throw new FormatException("The signature is a key ID and at least one byte, in canonical base64.");
        return new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
    }

    internal static void CheckText(string text)
    {
        if (text.Length == 0 || !text.EndsWith('\n')) throw new FormatException("A note's text is not empty and ends in a newline.");
        if (text.Any(c => c < 0x20 && c != '\n')) throw new FormatException("A note holds no control character but newlines.");
        if (HasLoneSurrogate(text)) throw new FormatException("A note is valid UTF-8.");
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }
}

/// <summary>The outcome of checking a note's signatures: who vouched for it, or why it is refused.</summary>
public sealed record NoteVerification(bool Verified, string? Refusal, IReadOnlyList<NoteVerifier> VerifiedBy);
