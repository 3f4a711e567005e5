namespace CoCreation.Audit.Transparency.Signing;

/// <summary>
/// The log's signing key (loaded by the host from CoCreation:Audit:CheckpointKeyFile), its origin line
/// (CoCreation:Audit:LogOrigin) and the least time between two checkpoints (CoCreation:Audit:CheckpointSeconds).
/// </summary>
public sealed record TransparencySettings(CheckpointSigner Signer, TimeSpan Interval)
{
    public const string DefaultOrigin = "cocreation.local/log";
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>The origin is the key's name (tlog-checkpoint's recommendation).</summary>
    public string Origin => Signer.Name;

    /// <summary>Keys the log signed with before this one (CoCreation:Audit:FormerVerifierKeys), still trusted for notes saved then.</summary>
    public IReadOnlyList<NoteVerifier> FormerVerifiers { get; init; } = [];

    /// <summary>Every key a note of this log may be signed with, the current one first.</summary>
    public IReadOnlyList<NoteVerifier> Verifiers => [Signer.Verifier, .. FormerVerifiers];
}
