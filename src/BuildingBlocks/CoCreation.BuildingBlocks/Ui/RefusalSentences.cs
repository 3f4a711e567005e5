namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// What a page says when a command is refused: the sentence for the rule name the API's problem responses carry
/// (<c>duplicate-vote</c> → "You already support this idea"). Modules register their own rules' sentences.
/// </summary>
public sealed record RefusalSentences(IReadOnlyDictionary<string, string> ByRule, string? Module = null)
{
    /// <summary>The sentence for a rule, preferring the given module's own (rules such as not-found are shared by every module).</summary>
    public static string For(IEnumerable<RefusalSentences> all, string? rule, string? module = null)
    {
        if (rule is null) return "";
        var sets = all.ToList();
        var own = sets.Where(s => module is not null && s.Module == module).SelectMany(s => s.ByRule).FirstOrDefault(p => p.Key == rule).Value;
        return own ?? sets.Where(s => s.Module is null).SelectMany(s => s.ByRule).FirstOrDefault(p => p.Key == rule).Value
               ?? sets.SelectMany(s => s.ByRule).FirstOrDefault(p => p.Key == rule).Value ?? "That could not be done.";
    }
}
