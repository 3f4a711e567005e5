using CoCreation.Audit.Transparency;
using CoCreation.Host.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CoCreation.UnitTests.Transparency;

/// <summary>CoCreation:Audit:FormerVerifierKeys, the keys a log signed with before a rotation (docs/adr/0024, Key rotation).</summary>
public class FormerVerifierKeysTests
{
    private const string Origin = "cocreation.example/log";

    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static NoteVerifier Key()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        return signer.Verifier;
    }

    [Fact]
    public void No_setting_or_an_empty_one_means_no_former_key()
    {
        Assert.Empty(CheckpointKey.FormerVerifiers(Config(), Origin));
        Assert.Empty(CheckpointKey.FormerVerifiers(Config((CheckpointKey.FormerKeysSetting, "")), Origin));
        Assert.Empty(CheckpointKey.FormerVerifiers(Config((CheckpointKey.FormerKeysSetting, " , \n")), Origin));
        Assert.Empty(CheckpointKey.FormerVerifiers(Config(($"{CheckpointKey.FormerKeysSetting}:0", "")), Origin));
    }

    [Fact]
    public void Keys_listed_as_an_array_or_in_one_value_are_all_trusted_in_order_once_each()
    {
        var (a, b) = (Key(), Key());
        var listed = CheckpointKey.FormerVerifiers(Config(
            ($"{CheckpointKey.FormerKeysSetting}:0", a.VerifierKey), ($"{CheckpointKey.FormerKeysSetting}:1", $" {b.VerifierKey}\n")), Origin);
        Assert.Equal([a, b], listed);
        Assert.Equal(a.KeyId, listed[0].KeyId);

        // One environment variable (CoCreation__Audit__FormerVerifierKeys) holding several keys.
        var inOne = CheckpointKey.FormerVerifiers(Config((CheckpointKey.FormerKeysSetting, $"{a.VerifierKey}, {b.VerifierKey};{a.VerifierKey}")), Origin);
        Assert.Equal([a, b], inOne);
    }

    [Fact]
    public void A_malformed_key_stops_the_host_with_a_sentence_naming_the_setting_and_the_key()
    {
        var good = Key().VerifierKey;
        var wrongId = good.Split('+', 3) is [var name, _, var key] ? $"{name}+00000000+{key}" : throw new InvalidOperationException();
        foreach (var bad in new[] { "not-a-key", wrongId, good[..^4], $"{Origin}+1234abcd+AAAA" })
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                CheckpointKey.FormerVerifiers(Config(($"{CheckpointKey.FormerKeysSetting}:0", good), ($"{CheckpointKey.FormerKeysSetting}:1", bad)), Origin));
            Assert.StartsWith($"{CheckpointKey.FormerKeysSetting} holds '{bad}', which is not a verifier key", error.Message);
            Assert.IsType<FormatException>(error.InnerException);
        }
    }

    [Fact]
    public void A_key_of_another_log_is_refused_a_rotated_key_keeps_the_origin()
    {
        using var other = CheckpointSigner.Generate("elsewhere.example/log");
        var error = Assert.Throws<InvalidOperationException>(() =>
            CheckpointKey.FormerVerifiers(Config((CheckpointKey.FormerKeysSetting, other.VerifierKey)), Origin));
        Assert.Contains("'elsewhere.example/log'", error.Message);
        Assert.Contains(CheckpointKey.OriginSetting, error.Message);
    }

    [Fact]
    public void Loaded_settings_trust_the_current_key_first_then_the_former_ones_and_not_the_current_one_twice()
    {
        var dir = Directory.CreateTempSubdirectory("keys");
        try
        {
            var file = Path.Combine(dir.FullName, "log.key");
            using (var current = CheckpointSigner.Generate(Origin)) File.WriteAllText(file, current.ExportSeedBase64() + "\n");
            var former = Key();
            var currentKey = CheckpointSigner.FromFile(Origin, file).VerifierKey;
            var settings = CheckpointKey.Load(Config(
                (CheckpointKey.FileSetting, file), (CheckpointKey.OriginSetting, Origin),
                (CheckpointKey.FormerKeysSetting, $"{former.VerifierKey} {currentKey}")), devMode: false);
            Assert.Equal(currentKey, settings.Signer.VerifierKey);
            Assert.Equal([former], settings.FormerVerifiers);
            Assert.Equal([currentKey, former.VerifierKey], settings.Verifiers.Select(v => v.VerifierKey));
        }
        finally { dir.Delete(recursive: true); }
    }
}
