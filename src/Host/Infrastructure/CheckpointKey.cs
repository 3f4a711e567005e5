using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Signing;

namespace CoCreation.Host.Infrastructure;

/// <summary>
/// The audit log's checkpoint signing key (docs/adr/0024): a file holding the base64 of a 32-byte Ed25519 seed, named by
/// CoCreation:Audit:CheckpointKeyFile. In dev mode a key is generated into .local/ when none is configured or the file
/// is absent; outside it the host refuses to start without one. The key never enters the database.
/// </summary>
public static class CheckpointKey
{
    public const string FileSetting = "CoCreation:Audit:CheckpointKeyFile";
    public const string OriginSetting = "CoCreation:Audit:LogOrigin";
    public const string IntervalSetting = "CoCreation:Audit:CheckpointSeconds";
    public const string FormerKeysSetting = "CoCreation:Audit:FormerVerifierKeys";
    public const string DevelopmentFile = ".local/audit-checkpoint.key";

    public static TransparencySettings Load(IConfiguration config, bool devMode)
    {
        var origin = config[OriginSetting] is { Length: > 0 } configured ? configured : TransparencySettings.DefaultOrigin;
        if (!NoteVerifier.IsValidName(origin))
            throw new InvalidOperationException($"{OriginSetting} '{origin}' is not a log name (non-empty, no spaces, no '+').");
        var seconds = config.GetValue(IntervalSetting, TransparencySettings.DefaultInterval.TotalSeconds);
        if (seconds is <= 0 or > 3600)
            throw new InvalidOperationException($"{IntervalSetting} is {seconds}; give the seconds between checkpoints, more than 0 and at most 3600.");
        // Keys the log signed with before a rotation: saved notes signed by them still verify (audit verify --checkpoint).
        var former = config.GetSection(FormerKeysSetting).GetChildren().Select(k => k.Value).OfType<string>()
            .Select(k => Former(k.Trim())).ToList();
        return new TransparencySettings(Signer(config[FileSetting], origin, devMode), TimeSpan.FromSeconds(seconds)) { FormerVerifiers = former };
    }

    private static NoteVerifier Former(string verifierKey)
    {
        try { return NoteVerifier.Parse(verifierKey); }
        catch (FormatException e) { throw new InvalidOperationException($"{FormerKeysSetting} holds '{verifierKey}', not a verifier key: {e.Message}", e); }
    }

    private static CheckpointSigner Signer(string? file, string origin, bool devMode)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            if (!devMode)
                throw new InvalidOperationException(
                    $"Configure {FileSetting} outside dev mode: the path of a file holding the base64 of a 32-byte Ed25519 seed that signs the audit log's checkpoints.");
            file = DevelopmentFile;
        }
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            if (!devMode)
                throw new InvalidOperationException($"{FileSetting} names {path}, which does not exist; create it with the base64 of a 32-byte Ed25519 seed.");
            using var generated = CheckpointSigner.Generate(origin);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated.ExportSeedBase64() + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            return CheckpointSigner.FromFile(origin, path);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{FileSetting} names {path}, which does not hold the base64 of a 32-byte Ed25519 seed ({e.Message}).");
        }
    }
}
