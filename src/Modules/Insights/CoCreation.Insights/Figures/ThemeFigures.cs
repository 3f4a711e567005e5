using System.Globalization;
using System.Text;
using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Ideation.Contracts;
using CoCreation.Insights.Activity;
using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>
/// Themes of the period's public ideas: the commonest tags and terms (counted once per idea), and groups of similar
/// ideas: two ideas are similar when the Jaccard similarity of their word shingles (pairs of consecutive words, common
/// words left out) reaches <see cref="Similar"/>; a group is the ideas linked by similarity.
/// </summary>
public static class ThemeFigures
{
    public const double Similar = 0.25;
    private const int MostIdeas = 2_000;

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "from", "into", "your", "our", "their", "are", "was", "were", "can", "will",
        "has", "have", "had", "not", "but", "all", "any", "its", "it's", "one", "two", "more", "most", "very", "also", "than",
        "then", "them", "they", "you", "who", "what", "when", "where", "which", "how", "why", "out", "over", "under", "about",
        "les", "des", "une", "pour", "avec", "dans", "sur", "par", "qui", "que", "est", "sont", "son", "ses", "aux", "nous",
        "vous", "leur", "leurs", "mais", "plus", "tout", "tous", "cette", "ces", "pas", "elle", "ils", "comme", "erased"
    };

    public static Themes Of(InsightInputs inputs, Period period)
    {
        var ideas = FunnelFigures.Cohort(inputs, period).Where(i => IdeaStatuses.IsPublic(i.Status) && i.Title != Erased.Text)
            .OrderByDescending(i => i.Reached["Submitted"]).Take(MostIdeas).ToList();
        var tags = Top(ideas.SelectMany(i => i.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct()), 15);
        var words = ideas.ToDictionary(i => i.IdeaId, i => Words($"{i.Title} {i.Description}"));
        var terms = Top(words.Values.SelectMany(w => w.Distinct()), 20);
        return new Themes(tags, terms, Groups(ideas, words));
    }

    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Append(' '))
        {
            // An apostrophe ends a word: French elisions (l’école, d'arbres) count as the word itself, English possessives too.
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            var w = word.ToString();
            word.Clear();
            if (w.Length >= 3 && !CommonWords.Contains(w) && !w.All(char.IsDigit)) words.Add(w);
        }
        return words;
    }

    public static HashSet<string> Shingles(IReadOnlyList<string> words) =>
        words.Count == 1 ? [words[0]] : Enumerable.Range(0, Math.Max(0, words.Count - 1)).Select(i => $"{words[i]} {words[i + 1]}").ToHashSet();

    public static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : a.Count(b.Contains) / (double)(a.Count + b.Count - a.Count(b.Contains));

    private static IReadOnlyList<SimilarIdeas> Groups(IReadOnlyList<IdeaJourney> ideas, IReadOnlyDictionary<Guid, IReadOnlyList<string>> words)
    {
        var shingles = ideas.Select(i => Shingles(words[i.IdeaId])).ToArray();
        var parent = Enumerable.Range(0, ideas.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < ideas.Count; i++)
        for (var j = i + 1; j < ideas.Count; j++)
            if (Jaccard(shingles[i], shingles[j]) >= Similar) parent[Root(j)] = Root(i);
        return Enumerable.Range(0, ideas.Count).GroupBy(Root).Where(g => g.Count() >= 2)
            .Select(g => g.Select(i => ideas[i]).ToList())
            .Select(group => new SimilarIdeas(
                group.OrderBy(i => i.Reached["Submitted"]).Select(i => new ThemeIdea(i.IdeaId, i.Title)).ToList(),
                group.Select(i => words[i.IdeaId].ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; })
                    .OrderBy(w => w, StringComparer.Ordinal).Take(8).ToList()))
            .OrderByDescending(g => g.Ideas.Count).ThenBy(g => g.Ideas[0].Title, StringComparer.Ordinal).Take(20).ToList();
    }

    private static IReadOnlyList<TermCount> Top(IEnumerable<string> values, int count) =>
        values.GroupBy(v => v).Select(g => new TermCount(g.Key, g.Count())).Where(t => t.Count >= 1)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(count).ToList();
}
