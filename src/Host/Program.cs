using CoCreation.Host;
using CoCreation.Host.Cli;
using CoCreation.Host.Seed;
using JasperFx;

// CLI verbs (projections, resources, codegen, describe...) go to the Critter Stack's command line;
// anything else runs the web host.
string[] verbs = ["projections", "resources", "codegen", "describe", "db-apply", "db-assert", "db-dump", "db-patch", "check-env", "help", "storage"];
// Offline checks need neither configuration nor a database.
if (AuditCli.Handles(args))
    return await AuditCli.Run(args, Console.Out);

var app = CoCreationHost.Build(args);
if (args.Length > 0 && verbs.Contains(args[0]))
    return await app.RunJasperFxCommands(args);

if (args is ["audit", "verify"])
{
    var store = app.Services.GetRequiredService<CoCreation.Host.Audit.AuditStore>();
    await store.EnsureSchema(CancellationToken.None);
    var result = await store.Verify(CancellationToken.None);
    Console.WriteLine($"events checked: {result.EventsChecked}");
    Console.WriteLine($"chain head: {result.ChainHead ?? "-"} (sequence {result.HeadSequence?.ToString() ?? "-"})");
    Console.WriteLine($"valid: {(result.Valid ? "true" : "false")}");
    Console.WriteLine($"not yet chained: {result.Unchained} (the running host chains them as they settle)");
    if (!result.Valid) Console.WriteLine($"first broken sequence: {result.FirstBrokenSequence}: {result.Problem}");
    return result.Valid ? 0 : 1;
}

await app.StartAsync();
if (app.Configuration.GetValue("CoCreation:SeedDemoData", false))
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
await app.WaitForShutdownAsync();
return 0;
