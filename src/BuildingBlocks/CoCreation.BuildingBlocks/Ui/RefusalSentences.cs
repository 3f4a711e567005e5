using Microsoft.Extensions.Localization;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// What a page says when a command is refused: the sentence for the rule name the API's problem responses carry
/// (<c>duplicate-vote</c> → "You already support this idea"). Modules register their own rules' sentences, in English,
/// with the resources (<paramref name="Text"/>) that translate them.
/// </summary>
public sealed record RefusalSentences(IReadOnlyDictionary<string, string> ByRule, string? Module = null, Type? Text = null)
{
    public const string Fallback = "That could not be done.";

    /// <summary>The sentence for a rule, preferring the given module's own (rules such as not-found are shared by every module),
    /// in the reader's language when the localizers are given.</summary>
    public static string For(IEnumerable<RefusalSentences> all, string? rule, string? module = null, IStringLocalizerFactory? localizers = null)
    {
        if (rule is null) return "";
        var sets = all.ToList();
        var set = sets.FirstOrDefault(s => module is not null && s.Module == module && s.ByRule.ContainsKey(rule))
                  ?? sets.FirstOrDefault(s => s.Module is null && s.ByRule.ContainsKey(rule))
                  ?? sets.FirstOrDefault(s => s.ByRule.ContainsKey(rule));
        if (set is null) return localizers is null ? Fallback : localizers.Create(typeof(SharedText))[Fallback];
        var sentence = set.ByRule[rule];
        return localizers is null || set.Text is null ? sentence : localizers.Create(set.Text)[sentence];
    }
}
