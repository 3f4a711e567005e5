using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace CoCreation.Audit.Transparency;

/// <summary>
/// A trusted Ed25519 key of a signed note: its name (the log's origin), its public key, and the key ID
/// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4] read big-endian. Shared as the verifier key string
/// "&lt;name&gt;+&lt;key ID, 8 hex digits&gt;+&lt;base64(0x01 ‖ public key)&gt;".
/// </summary>
public sealed class NoteVerifier : IEquatable<NoteVerifier>
{
    /// <summary>The signature type byte of Ed25519 in the signed-note spec.</summary>
    public const byte Ed25519Type = 0x01;

    private readonly NSec.Cryptography.PublicKey _key;

    public NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
    {
        if (!IsValidName(name)) throw new ArgumentException($"'{name}' is not a key name (non-empty, no spaces, no '+').", nameof(name));
        if (publicKey.Length != 32) throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(publicKey));
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
            throw new ArgumentException("Not an Ed25519 public key.", nameof(publicKey));
        _key = key;
        Name = name;
        PublicKey = publicKey.ToArray();
        KeyId = KeyIdOf(name, publicKey);
    }

    public string Name { get; }
    public byte[] PublicKey { get; }
    public uint KeyId { get; }

    /// <summary>The verifier key string to publish (GET /api/audit/public-key).</summary>
    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

    public override string ToString() => VerifierKey;

    public static uint KeyIdOf(string name, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = Ed25519Type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>Parses a verifier key string; refuses another signature type, a bad key, or a key ID that does not match.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3) throw new FormatException("A verifier key is '<name>+<key ID>+<key>'.");
        if (parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigitLower)
            || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
            throw new FormatException("The key ID is 8 lowercase hex digits.");
        byte[] key;
        try { key = Convert.FromBase64String(parts[2]); }
        catch (FormatException) { throw new FormatException("The key is not base64."); }
        if (key.Length != 33 || key[0] != Ed25519Type) throw new FormatException("Only Ed25519 keys (type 0x01, 32 bytes) are supported.");
        NoteVerifier verifier;
        try { verifier = new NoteVerifier(parts[0], key.AsSpan(1)); }
        catch (ArgumentException e) { throw new FormatException(e.Message, e); }
        if (verifier.KeyId != keyId) throw new FormatException($"The key ID {parts[1]} is not this key's ({verifier.KeyId:x8}).");
        return verifier;
    }

    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Contains('+') && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize && SignatureAlgorithm.Ed25519.Verify(_key, text, signature);

    public bool Equals(NoteVerifier? other) => other is not null && Name == other.Name && PublicKey.AsSpan().SequenceEqual(other.PublicKey);
    public override bool Equals(object? obj) => Equals(obj as NoteVerifier);
    public override int GetHashCode() => HashCode.Combine(Name, KeyId);
}
