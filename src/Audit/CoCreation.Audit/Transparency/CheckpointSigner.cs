using System.Text;
using NSec.Cryptography;

namespace CoCreation.Audit.Transparency;

/// <summary>
/// The log's Ed25519 signing key, kept outside the database: loaded from a file holding the base64 of the raw
/// 32-byte seed, or generated (dev mode) and then saved with <see cref="ExportSeedBase64"/>. Its name is the log's
/// origin, so the signature line's key name matches the checkpoint's origin line as tlog-checkpoint recommends.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private CheckpointSigner(string name, Key key)
    {
        _key = key;
        Verifier = new NoteVerifier(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string Name => Verifier.Name;
    public NoteVerifier Verifier { get; }
    public uint KeyId => Verifier.KeyId;

    /// <summary>"&lt;name&gt;+&lt;key ID hex&gt;+&lt;base64(0x01 ‖ public key)&gt;", what verifiers are configured with.</summary>
    public string VerifierKey => Verifier.VerifierKey;

    public static CheckpointSigner Generate(string name) =>
        Create(name, Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }));

    public static CheckpointSigner FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32) throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        return Create(name, Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }));
    }

    public static CheckpointSigner FromBase64Seed(string name, string base64Seed)
    {
        byte[] seed;
        try { seed = Convert.FromBase64String(base64Seed.Trim()); }
        catch (FormatException) { throw new FormatException("The signing key is not base64."); }
        try { return FromSeed(name, seed); }
        finally { Array.Clear(seed); }
    }

    /// <summary>Loads the key from a file holding the base64 of the 32-byte seed (surrounding whitespace ignored).</summary>
    public static CheckpointSigner FromFile(string name, string path) => FromBase64Seed(name, File.ReadAllText(path));

    /// <summary>The seed in base64, for writing the key file of a generated key.</summary>
    public string ExportSeedBase64() => Convert.ToBase64String(_key.Export(KeyBlobFormat.RawPrivateKey));

    public NoteSignature Sign(string text)
    {
        SignedNote.CheckText(text);
        return new NoteSignature(Name, KeyId, Ed25519.Sign(_key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The signed note of a text: the text, a blank line, this key's signature line.</summary>
    public SignedNote SignNote(string text) => new(text, [Sign(text)]);

    public SignedNote Sign(Checkpoint checkpoint) => SignNote(checkpoint.Format());

    public void Dispose() => _key.Dispose();

    private static CheckpointSigner Create(string name, Key key)
    {
        try { return new CheckpointSigner(name, key); }
        catch { key.Dispose(); throw; }
    }
}
