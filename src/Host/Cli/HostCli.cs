namespace CoCreation.Host.Cli;

/// <summary>The host's own command line: the usage text, and how a missing setting is reported.</summary>
public static class HostCli
{
    /// <summary>The verbs handed to the Critter Stack's command line (they build the host, so they need the database).</summary>
    public static readonly string[] JasperFxVerbs =
        ["projections", "resources", "codegen", "describe", "db-apply", "db-assert", "db-dump", "db-patch", "check-env", "storage", "help"];

    public const string Usage = """
        CoCreation host

        usage: dotnet CoCreation.Host.dll [command] [options]

          (no command)                 run the platform: the HTTP API and its messaging
                                       (needs ConnectionStrings:Postgres; in Production also CoCreation:Jwt:SigningKey
                                       and CoCreation:Audit:CheckpointKeyFile)
          help, --help, -h             show this text

        audit (the hash chain over the event log):
          audit verify                 check the chain over the whole log of the configured database (needs the database)
          audit verify-export FILE     check an exported provenance bundle offline (needs nothing)
          audit verify-receipt FILE --key KEY
                                       check a vote's or contribution's receipt offline with the log's verifier key
          audit verify --checkpoint FILE
                                       check that the log still folds to a saved signed checkpoint (needs the database)

        read-models (the inline single-stream read models, folded again from the log; docs/adr/0026):
          read-models list             name them, with their document type
          read-models rebuild [NAME...]
                                       rebuild them (all, or those named) in one pass of the log each (needs the database)

        Critter Stack verbs (they build the host, so they need the database; 'help VERB' shows a verb's options):
          projections rebuild          rebuild the read models from the event log ([-p NAME] for one; 'projections list' names them)
          db-apply, db-assert          apply or check the database schema
          db-dump, db-patch            write the schema's SQL to a file
          resources                    check or set up the message storage and other resources
          codegen write|preview        write or show the generated handler code (docs/adr/0002)
          describe, check-env          describe the configuration, check the environment

        settings (appsettings.json, environment variables with __ for :, or --Key=value):
          ConnectionStrings__Postgres  the PostgreSQL connection string (./run.sh starts a private PostgreSQL)
          CoCreation__Jwt__SigningKey  the token signing key, at least 32 bytes (required in Production)
          CoCreation__SeedDemoData     true to seed a demo campaign at start
          CoCreation__Audit__CheckpointKeyFile  a file with the base64 of the 32-byte Ed25519 seed that signs the log's
                                       checkpoints (required in Production; dev mode generates .local/audit-checkpoint.key)
          CoCreation__Audit__LogOrigin the log's name in its checkpoints (default cocreation.local/log)
          CoCreation__Audit__CheckpointSeconds  the least seconds between two checkpoints (default 5)
          CoCreation__Audit__FormerVerifierKeys the verifier keys the log signed with before a key rotation (a list,
                                       __0, __1..., or one value separated by commas or spaces; docs/adr/0024)
        """;

    public static bool AsksForHelp(string[] args) => args is ["help"] or [("--help" or "-h" or "-?" or "/?"), ..];

    public static async Task<int> PrintUsage(TextWriter output)
    {
        await output.WriteLineAsync(Usage);
        return 0;
    }

    /// <summary>
    /// The host refuses to be built without a setting it needs (the connection string, the signing key outside dev mode)
    /// by throwing from its own set-up code; any other InvalidOperationException is a fault and keeps its stack trace.
    /// </summary>
    public static bool IsMissingSetting(Exception exception) =>
        exception is InvalidOperationException && exception.TargetSite?.DeclaringType?.Assembly == typeof(HostCli).Assembly;

    /// <summary>Says what to set in one sentence on stderr; exit code 2, like any usage error.</summary>
    public static async Task<int> ReportMissingSetting(Exception exception, string[] args)
    {
        await Console.Error.WriteLineAsync($"CoCreation cannot {What(args)}: {exception.Message}");
        return 2;
    }

    /// <summary>The database named by the connection string does not answer (or refuses the login): one sentence, exit code 2.</summary>
    public static async Task<int> ReportUnreachableDatabase(Npgsql.NpgsqlException exception, string? connectionString, string[] args)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(connectionString ?? "");
        await Console.Error.WriteLineAsync(
            $"CoCreation cannot {What(args)}: PostgreSQL at {target.Host}:{target.Port} (database '{target.Database}') could not be reached " +
            $"({exception.Message.Split('\n')[0].Trim()}); check ConnectionStrings:Postgres and that the server is running.");
        return 2;
    }

    private static string What(string[] args) =>
        string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2)) is { Length: > 0 } verb ? $"run '{verb}'" : "start";
}
