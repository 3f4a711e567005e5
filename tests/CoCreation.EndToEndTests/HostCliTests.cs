namespace CoCreation.EndToEndTests;

/// <summary>The host's command line as an operator meets it: help and the offline verbs without any configuration, one sentence where a setting is missing.</summary>
public sealed class HostCliTests
{
    private static readonly Dictionary<string, string?> NoDatabase = new() { ["ConnectionStrings__Postgres"] = null };

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_every_verb_without_a_database(string help)
    {
        var (code, output) = await PlatformFixture.RunHostCli(NoDatabase, help);

        Assert.True(code == 0, output);
        foreach (var verb in new[] { "audit verify ", "audit verify-export FILE", "audit verify --checkpoint FILE", "projections rebuild", "db-apply", "db-assert", "resources", "codegen", "describe" })
            Assert.Contains(verb, output);
        Assert.Contains("ConnectionStrings__Postgres", output);
        Assert.DoesNotContain("exception", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "--help")]
    [InlineData("audit", "help")]
    public async Task Audit_alone_lists_the_audit_verbs_without_a_database(params string[] args)
    {
        var (code, output) = await PlatformFixture.RunHostCli(NoDatabase, args);

        Assert.True(code == 0, output);
        Assert.Contains("audit verify ", output);
        Assert.Contains("audit verify-export FILE", output);
        Assert.Contains("audit verify --checkpoint FILE", output);
    }

    [Fact]
    public async Task An_unknown_command_is_named_rather_than_taken_for_a_start()
    {
        var (code, output) = await PlatformFixture.RunHostCli(NoDatabase, "bogus");

        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'bogus'", output);
        Assert.DoesNotContain("ConnectionStrings", output);
    }

    [Fact]
    public async Task An_unknown_audit_verb_is_a_usage_error()
    {
        var (code, output) = await PlatformFixture.RunHostCli(NoDatabase, "audit", "verfy");

        Assert.Equal(2, code);
        Assert.Contains("Unknown audit command: verfy", output);
        Assert.Contains("audit verify-export FILE", output);
    }

    [Theory]
    [InlineData("audit", "verify")]
    [InlineData("projections", "rebuild")]
    [InlineData]
    public async Task A_verb_that_needs_the_database_says_what_to_set_when_it_is_missing(params string[] args)
    {
        var (code, output) = await PlatformFixture.RunHostCli(NoDatabase, args);

        Assert.True(code == 2, output);
        AssertOneSentence(output, "ConnectionStrings__Postgres");
    }

    [Fact]
    public async Task Production_without_a_signing_key_says_what_to_set()
    {
        var production = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = null, ["CoCreation__DevMode"] = null,
            ["CoCreation__Jwt__SigningKey"] = null, ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=unused"
        };
        var (code, output) = await PlatformFixture.RunHostCli(production);

        Assert.True(code == 2, output);
        AssertOneSentence(output, "CoCreation:Jwt:SigningKey");
    }

    [Fact]
    public async Task Production_without_a_checkpoint_key_says_what_to_set()
    {
        var production = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = null, ["CoCreation__DevMode"] = null,
            ["CoCreation__Jwt__SigningKey"] = "a-production-signing-key-of-at-least-32-bytes", ["CoCreation__Audit__CheckpointKeyFile"] = null,
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=unused"
        };
        var (code, output) = await PlatformFixture.RunHostCli(production);
        Assert.True(code == 2, output);
        AssertOneSentence(output, "CoCreation:Audit:CheckpointKeyFile");

        production["CoCreation__Audit__CheckpointKeyFile"] = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.key");
        (code, output) = await PlatformFixture.RunHostCli(production);
        Assert.True(code == 2, output);
        AssertOneSentence(output, "does not exist");
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_one_sentence_not_a_crash()
    {
        var unreachable = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=unused;Timeout=3" };
        var (code, output) = await PlatformFixture.RunHostCli(unreachable, "audit", "verify");

        Assert.True(code == 2, output);
        AssertOneSentence(output, "127.0.0.1:1");
    }

    private static void AssertOneSentence(string output, string naming)
    {
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(naming, line);
        Assert.DoesNotContain("Unhandled exception", line);
    }
}
