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
    return await AuditCli.VerifyLog(app.Services.GetRequiredService<CoCreation.Host.Audit.AuditStore>(), Console.Out);

await app.StartAsync();
if (app.Configuration.GetValue("CoCreation:SeedDemoData", false))
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
await app.WaitForShutdownAsync();
return 0;
