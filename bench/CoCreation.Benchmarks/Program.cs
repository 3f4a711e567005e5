using CoCreation.Benchmarks;

// Benchmarks of the running platform, through real HTTP on Kestrel and the real PostgreSQL.
// Usage: bench/run.sh idea-list | votes | audit | audit-reads | rebuild | pages | messaging   (starts a private PostgreSQL unless ConnectionStrings__Postgres is set)
return args.FirstOrDefault() switch
{
    "idea-list" => await IdeaListBenchmark.Run(args.Skip(1).ToArray()),
    "votes" => await VoteBenchmark.Run(args.Skip(1).ToArray()),
    "audit" => await AuditBenchmark.Run(args.Skip(1).ToArray()),
    "audit-reads" => await AuditReadBenchmark.Run(args.Skip(1).ToArray()),
    "rebuild" => await RebuildBenchmark.Run(args.Skip(1).ToArray()),
    "pages" => await PageBenchmark.Run(args.Skip(1).ToArray()),
    "messaging" => await MessagingBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage()
};

static int Usage()
{
    Console.Error.WriteLine("usage: CoCreation.Benchmarks idea-list [--ideas 10000] [--requests 1000]");
    Console.Error.WriteLine("       CoCreation.Benchmarks votes [--clients 64] [--votes 30000] [--ideas 1000]");
    Console.Error.WriteLine("       CoCreation.Benchmarks audit [--events 1000000] [--compare 50000] [--writers 16]");
    Console.Error.WriteLine("       CoCreation.Benchmarks audit-reads [--events 1000000] [--ideas 10000] [--requests 300] [--runs 10] [--without-index]");
    Console.Error.WriteLine("       CoCreation.Benchmarks rebuild [--events 1000000] [--runs 3] [--per-stream 10] [--daemon-runs 3]");
    Console.Error.WriteLine("       CoCreation.Benchmarks pages [--ideas 10000] [--requests 400]");
    Console.Error.WriteLine("       CoCreation.Benchmarks messaging [--campaigns 20] [--ideas 5] [--votes 10] [--rounds 1]");
    return 2;
}
