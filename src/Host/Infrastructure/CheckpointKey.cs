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
        var signer = Signer(config[FileSetting], origin, devMode);
        var former = FormerVerifiers(config, origin).Where(v => !v.Equals(signer.Verifier)).ToList();
        return new TransparencySettings(signer, TimeSpan.FromSeconds(seconds)) { FormerVerifiers = former };
    }

    /// <summary>
    /// The keys the log signed with before a rotation (CoCreation:Audit:FormerVerifierKeys), so that notes and receipts
    /// saved then still verify: a list (<c>CoCreation__Audit__FormerVerifierKeys__0=…</c>, a JSON array) or one value
    /// holding keys separated by commas, semicolons or whitespace (a verifier key holds none of them). Empty entries are
    /// skipped; a key that does not parse, or that names another log than <paramref name="origin"/>, stops the host.
    /// </summary>
    public static IReadOnlyList<NoteVerifier> FormerVerifiers(IConfiguration config, string origin)
    {
        var section = config.GetSection(FormerKeysSetting);
        var values = new List<string?> { section.Value };
        values.AddRange(section.GetChildren().Select(k => k.Value));
        var keys = values.OfType<string>()
            .SelectMany(v => v.Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var former = new List<NoteVerifier>();
        foreach (var key in keys)
        {
            var verifier = Former(key);
            if (verifier.Name != origin)
                throw new InvalidOperationException(
                    $"{FormerKeysSetting} holds a key of the log '{verifier.Name}', not of this log ('{origin}', {OriginSetting}): a rotated key keeps the log's origin.");
            if (!former.Contains(verifier)) former.Add(verifier);
        }
        return former;
    }

    private static NoteVerifier Former(string verifierKey)
    {
        try { return NoteVerifier.Parse(verifierKey); }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"{FormerKeysSetting} holds '{verifierKey}', which is not a verifier key ('<origin>+<key ID>+<base64 key>', as GET /api/audit/public-key answered): {e.Message}", e);
        }
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
