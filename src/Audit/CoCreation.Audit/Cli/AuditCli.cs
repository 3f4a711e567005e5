
namespace CoCreation.Audit.Cli;

/// <summary>
/// The host's <c>audit</c> verbs: <c>verify-export FILE</c> checks an exported provenance bundle offline (no configuration,
/// no database); <c>verify</c> checks the chain over the whole log of the configured database.
/// </summary>
/// <summary>What an offline check of an exported bundle found (the export's format belongs to the module that writes it).</summary>
public sealed record ExportVerdict(bool Valid, int Events, string? ChainHead, IReadOnlyList<string> Failures)
{
    /// <summary>What the check of the bundle's anchoring in a signed checkpoint found, in one sentence (docs/adr/0024).</summary>
    public string? Anchoring { get; init; }
}

public static class AuditCli
{
    public const string Usage = """
        usage: dotnet CoCreation.Host.dll audit VERB
          audit verify                 check the chain over the whole log of the configured database (needs ConnectionStrings:Postgres)
          audit verify-export FILE [--key KEY]
                                       check an exported provenance bundle offline (needs nothing); with the log's
                                       verifier key, also each event's receipt against the signed checkpoint
          audit verify-receipt FILE --key KEY
                                       check a receipt (GET /api/receipts/{id}) offline against the log's verifier key
                                       (KEY: the key string of GET /api/audit/public-key, or a file holding it; repeat --key
                                       for older keys)
          audit verify --checkpoint FILE
                                       check that the log still folds to a saved signed checkpoint (needs the database and the key)
        """;

    /// <summary>Everything under <c>audit</c> runs before the host is built, except <c>audit verify</c>, which reads the database.</summary>
    public static bool Handles(string[] args) => args is ["audit", ..] && !NeedsDatabase(args);

    public static bool NeedsDatabase(string[] args) => args is ["audit", "verify"] or ["audit", "verify", "--checkpoint", _];

    /// <summary>The saved note of <c>audit verify --checkpoint FILE</c>, or null for the plain chain check.</summary>
    public static string? CheckpointFile(string[] args) => args is ["audit", "verify", "--checkpoint", var file] ? file : null;

    /// <summary>Checks a saved signed checkpoint against the current log (docs/adr/0024, Witnessing): 0 when it still folds to it, 1 when not, 2 when refused.</summary>
    public static async Task<int> VerifyCheckpoint(Transparency.Witnessing.CheckpointWitness? witness, Marten.IDocumentStore documents, string file,
        TextWriter output)
    {
        if (witness is null)
        {
            await output.WriteLineAsync("No checkpoint key is configured (CoCreation:Audit:CheckpointKeyFile): nothing to verify a note against.");
            return 2;
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        await documents.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Transparency.Witnessing.WitnessResult result;
        try { result = await witness.Check(await File.ReadAllTextAsync(file), CancellationToken.None); }
        catch (CoCreation.BuildingBlocks.Problems.DomainProblem refused)
        {
            await output.WriteLineAsync($"refused: {refused.Detail}");
            return 2;
        }
        await output.WriteLineAsync($"tree size: {result.TreeSize}");
        await output.WriteLineAsync($"signed root: {result.SignedRoot}");
        await output.WriteLineAsync($"current root: {result.CurrentRoot}");
        await output.WriteLineAsync($"valid: {(result.Valid ? "true" : "false")}");
        if (!result.Valid)
            await output.WriteLineAsync($"first differing sequence: {result.FirstDifferingSeq?.ToString() ?? "-"}: {result.Problem}");
        return result.Valid ? 0 : 1;
    }

    /// <summary>The host is built, not started, so Marten's schema objects (the audit's tables with them) are applied here as on startup.</summary>
    public static async Task<int> VerifyLog(AuditStore store, Marten.IDocumentStore documents, TextWriter output)
    {
        await documents.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var result = await store.Verify(CancellationToken.None);
        await output.WriteLineAsync($"events checked: {result.EventsChecked}");
        await output.WriteLineAsync($"chain head: {result.ChainHead ?? "-"} (sequence {result.HeadSequence?.ToString() ?? "-"})");
        await output.WriteLineAsync($"valid: {(result.Valid ? "true" : "false")}");
        await output.WriteLineAsync($"not yet chained: {result.Unchained} (the running host chains them as they settle)");
        if (result.Lag is { } lag)
            await output.WriteLineAsync($"chain lag over the last {lag.Events} events: p50 {lag.P50Ms} ms, p99 {lag.P99Ms} ms, max {lag.MaxMs} ms");
        if (!result.Valid) await output.WriteLineAsync($"first broken sequence: {result.FirstBrokenSequence}: {result.Problem}");
        return result.Valid ? 0 : 1;
    }

    public static async Task<int> Run(string[] args, TextWriter output, Func<string, CoCreation.BuildingBlocks.Audit.IReceiptChecker?, ExportVerdict> verifyExport)
    {
        if (args is ["audit"] or ["audit", .., "help" or "--help" or "-h"])
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }
        if (args is ["audit", "verify-receipt", ..]) return await VerifyReceipt(args[2..], output);
        if (args is ["audit", "verify-export", _, "--key", ..]) return await VerifyExport(args[2], args[3..], output, verifyExport);
        if (args is not ["audit", "verify-export", var file])
        {
            await output.WriteLineAsync(args is ["audit", "verify-export", ..]
                ? "audit verify-export takes one argument: the exported file to check."
                : args is ["audit", "verify", "--checkpoint", ..]
                ? "audit verify --checkpoint takes one argument: the file of a saved signed checkpoint."
                : $"Unknown audit command: {string.Join(' ', args[1..])}");
            await output.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        return await Report(verifyExport(await File.ReadAllTextAsync(file), null), output);
    }

    private static async Task<int> Report(ExportVerdict check, TextWriter output)
    {
        await output.WriteLineAsync($"events checked: {check.Events}");
        await output.WriteLineAsync($"chain head: {check.ChainHead ?? "-"}");
        if (check.Anchoring is { } anchoring) await output.WriteLineAsync($"anchoring: {anchoring}");
        await output.WriteLineAsync($"valid: {(check.Valid ? "true" : "false")}");
        foreach (var failure in check.Failures) await output.WriteLineAsync($"FAIL {failure}");
        return check.Valid ? 0 : 1;
    }

    /// <summary>audit verify-export FILE --key KEY…: the bundle, and its receipts against the verifier keys given.</summary>
    private static async Task<int> VerifyExport(string file, string[] rest, TextWriter output,
        Func<string, CoCreation.BuildingBlocks.Audit.IReceiptChecker?, ExportVerdict> verifyExport)
    {
        var keys = new List<string>();
        for (var i = 0; i < rest.Length; i += 2)
        {
            if (rest[i] != "--key" || i + 1 >= rest.Length)
            {
                await output.WriteLineAsync("audit verify-export takes the exported file, then optionally --key KEY (repeatable).");
                await output.WriteLineAsync(Usage);
                return 2;
            }
            keys.Add(rest[i + 1]);
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        if (await TrustedKeys(keys, output) is not { } trusted) return 2;
        return await Report(verifyExport(await File.ReadAllTextAsync(file), new Transparency.Receipts.OfflineReceiptChecker(trusted)), output);
    }

    /// <summary>The verifier keys given (each a key string or a file holding one), or null once a bad one is reported.</summary>
    private static async Task<List<Transparency.NoteVerifier>?> TrustedKeys(IEnumerable<string> keys, TextWriter output)
    {
        var trusted = new List<Transparency.NoteVerifier>();
        foreach (var key in keys)
        {
            var text = File.Exists(key) ? (await File.ReadAllTextAsync(key)).Trim() : key.Trim();
            try { trusted.Add(Transparency.NoteVerifier.Parse(text)); }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                await output.WriteLineAsync($"Not a verifier key: {key} ({ex.Message})");
                return null;
            }
        }
        return trusted;
    }

    /// <summary>audit verify-receipt FILE --key KEY…: needs only the receipt and the verifier keys the member trusts.</summary>
    private static async Task<int> VerifyReceipt(string[] args, TextWriter output)
    {
        string? file = null;
        var keys = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--key" && i + 1 < args.Length) keys.Add(args[++i]);
            else if (file is null && !args[i].StartsWith("--")) file = args[i];
            else file = null;
        }
        if (file is null || keys.Count == 0)
        {
            await output.WriteLineAsync("audit verify-receipt takes the receipt file and at least one --key (the log's verifier key, or a file holding it).");
            await output.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        if (await TrustedKeys(keys, output) is not { } trusted) return 2;
        Transparency.Receipts.Receipt? receipt;
        try { receipt = System.Text.Json.JsonSerializer.Deserialize<Transparency.Receipts.Receipt>(await File.ReadAllTextAsync(file), ReceiptJson); }
        catch (System.Text.Json.JsonException ex)
        {
            await output.WriteLineAsync($"valid: false");
            await output.WriteLineAsync($"FAIL the file is not a receipt: {ex.Message}");
            return 1;
        }
        if (receipt is null || receipt.Leaf is null || receipt.Checkpoint is null || receipt.Path is null || receipt.LeafHash is null)
        {
            await output.WriteLineAsync("valid: false");
            await output.WriteLineAsync("FAIL the file is not a receipt: fields are missing");
            return 1;
        }
        var verdict = Transparency.Receipts.ReceiptVerifier.Verify(receipt, trusted);
        await output.WriteLineAsync($"receipt: {receipt.Id} (event {receipt.Seq}{(verdict.EventType is { } type ? $", {type}" : "")})");
        await output.WriteLineAsync($"leaf {receipt.LeafIndex} of the signed tree of {receipt.TreeSize}");
        await output.WriteLineAsync($"valid: {(verdict.Valid ? "true" : "false")}");
        foreach (var failure in verdict.Failures) await output.WriteLineAsync($"FAIL {failure}");
        return verdict.Valid ? 0 : 1;
    }

    private static readonly System.Text.Json.JsonSerializerOptions ReceiptJson = new(System.Text.Json.JsonSerializerDefaults.Web);
}
