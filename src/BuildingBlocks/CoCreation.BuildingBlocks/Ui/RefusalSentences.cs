namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// What a page says when a command is refused: the sentence for the rule name the API's problem responses carry
/// (<c>duplicate-vote</c> → "You already support this idea"). Modules register their own rules' sentences.
/// </summary>
public sealed record RefusalSentences(IReadOnlyDictionary<string, string> ByRule)
{
    public static string For(IEnumerable<RefusalSentences> all, string? rule) =>
        rule is null ? "" : all.SelectMany(s => s.ByRule).FirstOrDefault(p => p.Key == rule).Value ?? "That could not be done.";
}
