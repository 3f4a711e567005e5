using CoCreation.Host;
using CoCreation.Audit.Cli;
using CoCreation.Host.Cli;
using CoCreation.IntellectualProperty.ProvenanceReports;
using CoCreation.Host.Infrastructure;
using CoCreation.Host.ReadModels;
using CoCreation.Host.Seed;
using JasperFx;

// Help and the offline audit verbs need neither configuration nor a database.
if (HostCli.AsksForHelp(args))
    return await HostCli.PrintUsage(Console.Out);
if (AuditCli.Handles(args))
    return await AuditCli.Run(args, Console.Out, (json, receipts) => Verdict(ProvenanceExportVerifier.Verify(json, receipts)));
// A first argument that is neither a verb nor a setting (--name=value) is a typo, not a request to start the platform.
if (args is [var first, ..] && !first.StartsWith('-') && !first.Contains('=') && !HostCli.JasperFxVerbs.Contains(first) && first is not ("audit" or "read-models"))
{
    await Console.Error.WriteLineAsync($"Unknown command '{first}'. Run with --help for the commands.");
    return 2;
}

if (ReadModelsCli.Handles(args) && ReadModelsCli.IsUsageError(args, Console.Error))
    return 2;

WebApplication app;
try
{
    app = CoCreationHost.Build(args);
}
catch (Exception e) when (HostCli.IsMissingSetting(e))
{
    return await HostCli.ReportMissingSetting(e, args);
}

try
{
    // CLI verbs (projections, resources, codegen, describe...) go to the Critter Stack's command line;
    // anything else runs the web host.
    if (args.Length > 0 && HostCli.JasperFxVerbs.Contains(args[0]))
        return await app.RunJasperFxCommands(args);

    if (AuditCli.CheckpointFile(args) is { } checkpoint)
        return await AuditCli.VerifyCheckpoint(app.Services.GetService<CoCreation.Audit.Transparency.Witnessing.CheckpointWitness>(),
            app.Services.GetRequiredService<Marten.IDocumentStore>(), checkpoint, Console.Out);
    if (AuditCli.NeedsDatabase(args))
        return await AuditCli.VerifyLog(app.Services.GetRequiredService<CoCreation.Audit.AuditStore>(), app.Services.GetRequiredService<Marten.IDocumentStore>(), Console.Out);

    if (ReadModelsCli.Handles(args))
        return await ReadModelsCli.Run(app.Services.GetRequiredService<StreamFoldRebuild>(), args, Console.Out, Console.Error, CancellationToken.None);

    await app.StartAsync();
    var readiness = app.Services.GetRequiredService<Readiness>();
    if (readiness.SeedPending)
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    readiness.SeedFinished();
}
catch (Npgsql.NpgsqlException e) when (!app.Lifetime.ApplicationStarted.IsCancellationRequested)
{
    return await HostCli.ReportUnreachableDatabase(e, app.Configuration.GetConnectionString("Postgres"), args);
}
catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
                            || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    await Console.Error.WriteLineAsync($"CoCreation cannot listen: {e.Message} Stop what uses the port, or choose another with --urls http://127.0.0.1:PORT.");
    return 2;
}
Readiness.AnnounceReady(app);
await app.WaitForShutdownAsync();
return 0;

// The audit verb reports what IntellectualProperty's export check found, in its own terms (Audit references no module).
static ExportVerdict Verdict(ExportCheck check) => new(check.Valid, check.Events, check.ChainHead, check.Failures) { Anchoring = check.Anchoring };
