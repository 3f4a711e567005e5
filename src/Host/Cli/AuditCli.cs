using CoCreation.IntellectualProperty.ProvenanceReports;

namespace CoCreation.Host.Cli;

/// <summary>The host's <c>audit</c> verbs that need no database: checking an exported provenance bundle offline.</summary>
public static class AuditCli
{
    public static bool Handles(string[] args) => args is ["audit", "verify-export", ..];

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        if (args is not ["audit", "verify-export", var file])
        {
            await output.WriteLineAsync("usage: CoCreation.Host audit verify-export FILE");
            return 2;
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        var check = ProvenanceExportVerifier.Verify(await File.ReadAllTextAsync(file));
        await output.WriteLineAsync($"events checked: {check.Events}");
        await output.WriteLineAsync($"chain head: {check.ChainHead ?? "-"}");
        await output.WriteLineAsync($"valid: {(check.Valid ? "true" : "false")}");
        foreach (var failure in check.Failures) await output.WriteLineAsync($"FAIL {failure}");
        return check.Valid ? 0 : 1;
    }
}
