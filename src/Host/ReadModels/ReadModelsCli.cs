namespace CoCreation.Host.ReadModels;

/// <summary><c>read-models list</c> and <c>read-models rebuild [NAME...]</c>: the inline single-stream read models folded again from the log.</summary>
public static class ReadModelsCli
{
    public static bool Handles(string[] args) => args is ["read-models", ..];

    /// <summary>Everything after the verb that is not a setting (--Key=value) is a projection's name.</summary>
    public static string[] Names(string[] args) => args.Skip(2).Where(a => !a.StartsWith('-')).ToArray();

    public static bool IsUsageError(string[] args, TextWriter error)
    {
        if (args is ["read-models", "list", ..] or ["read-models", "rebuild", ..]) return false;
        error.WriteLine($"Unknown read-models command: {string.Join(' ', args.Skip(1).Take(1))}. Use 'read-models list' or 'read-models rebuild [NAME...]'.");
        return true;
    }

    public static async Task<int> Run(StreamFoldRebuild rebuild, string[] args, TextWriter output, TextWriter error, CancellationToken token)
    {
        var rebuildable = rebuild.Rebuildable();
        if (args is ["read-models", "list", ..])
        {
            foreach (var (name, document) in rebuildable.OrderBy(p => p.Key)) await output.WriteLineAsync($"{name}\t{document.Name}");
            return 0;
        }
        var names = Names(args);
        var unknown = names.Where(n => !rebuildable.ContainsKey(n)).ToArray();
        if (unknown.Length > 0)
        {
            await error.WriteLineAsync($"Not an inline single-stream read model: {string.Join(", ", unknown)}. These are: {string.Join(", ", rebuildable.Keys.Order())} ('projections rebuild' rebuilds the others).");
            return 2;
        }
        foreach (var name in names.Length > 0 ? names : rebuildable.Keys.Order().ToArray())
        {
            RebuildResult result;
            try
            {
                result = await rebuild.Rebuild(name, token);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                await error.WriteLineAsync($"The database has no event log yet ({e.MessageText}); start the platform once to create it.");
                return 2;
            }
            await output.WriteLineAsync($"{result.Projection}: {result.Documents} documents from {result.Events} events up to sequence {result.Ceiling} " +
                                        $"in {result.Elapsed.TotalSeconds:F1} s ({result.EventsPerSecond:F0} events/s){(result.Refolded > 0 ? $"; {result.Refolded} streams appended to meanwhile folded again" : "")}");
        }
        return 0;
    }
}
