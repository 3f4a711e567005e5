namespace CoCreation.Benchmarks;

public static class Options
{
    /// <summary>The integer after <paramref name="name"/> on the command line, or the fallback.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
