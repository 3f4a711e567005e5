using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class ThemeFiguresTests
{
    private static readonly Period November = Between(11, 1, 11, 30);

    [Fact]
    public void Words_are_lowercased_and_leave_out_common_words_short_tokens_and_numbers()
    {
        Assert.Equal(["solar", "powered", "bus", "shelters", "city", "new", "plan"],
            ThemeFigures.Words("The Solar-powered BUS shelters, for 2026! It's the city's new plan"));
        // A combining accent is composed with its letter; "[erased]" is what an erased idea says.
        Assert.Equal(["hello", "économie", "école", "mp3"], ThemeFigures.Words("'hello' a of to Économie e\u0301cole mp3 42 [erased]"));
        Assert.Empty(ThemeFigures.Words(""));
    }

    [Fact]
    public void A_french_elision_counts_as_the_word_it_elides()
    {
        Assert.Equal(["école", "arbres", "école"], ThemeFigures.Words("L’école d'arbres, l'école"));
    }

    [Fact]
    public void Shingles_are_pairs_of_consecutive_words_or_the_single_word()
    {
        Assert.Equal(new HashSet<string> { "solar bus", "bus shelter" }, ThemeFigures.Shingles(["solar", "bus", "shelter"]));
        Assert.Equal(new HashSet<string> { "solar" }, ThemeFigures.Shingles(["solar"]));
        Assert.Empty(ThemeFigures.Shingles([]));
    }

    [Fact]
    public void Jaccard_is_the_shared_part_of_the_union()
    {
        Assert.Equal(0.5, ThemeFigures.Jaccard(["a", "b", "c"], ["b", "c", "d"]));
        Assert.Equal(1, ThemeFigures.Jaccard(["a", "b"], ["b", "a"]));
        Assert.Equal(0, ThemeFigures.Jaccard(["a"], ["b"]));
        Assert.Equal(0, ThemeFigures.Jaccard([], []));
    }

    /// <summary>
    /// Two near-identical public ideas about solar bus shelters and an unrelated one in November; the same text again in an
    /// idea still in moderation, in an erased one and in one of October.
    /// </summary>
    private static (InsightsScenario Scenario, Guid First, Guid Second, Guid October) Campaign()
    {
        var s = new InsightsScenario();
        var first = s.Idea("Published", "Solar bus shelters", "Solar panels on bus shelters power the lights", ["Energy", "energy ", "Transport"], 0,
            ("Submitted", At(11, 2)));
        var second = s.Idea("Published", "Solar bus shelters", "Solar panels on bus shelters to power the lights at night", ["energy", " "], 0,
            ("Submitted", At(11, 3)));
        s.Idea("UnderReview", "Community garden", "Grow vegetables together in the park", ["Food"], 0, ("Submitted", At(11, 4)));
        s.Idea("Submitted", "Solar bus shelters", "Solar panels on bus shelters power the lights", ["energy"], 0, ("Submitted", At(11, 5)));
        s.Idea("Published", "[erased]", "[erased]", ["energy"], 0, ("Submitted", At(11, 6)));
        var october = s.Idea("Published", "Solar bus shelters", "Solar panels on bus shelters power the lights", ["energy"], 0, ("Submitted", At(10, 20)));
        return (s, first.IdeaId, second.IdeaId, october.IdeaId);
    }

    [Fact]
    public void Tags_are_counted_once_per_public_idea_lowercased_and_trimmed()
    {
        var themes = ThemeFigures.Of(Campaign().Scenario.Inputs, November);

        Assert.Equal([new TermCount("energy", 2), new TermCount("food", 1), new TermCount("transport", 1)], themes.Tags);
    }

    [Fact]
    public void Terms_are_counted_once_per_public_idea_of_the_period()
    {
        var themes = ThemeFigures.Of(Campaign().Scenario.Inputs, November);

        Assert.Equal(
        [
            new TermCount("bus", 2), new TermCount("lights", 2), new TermCount("panels", 2), new TermCount("power", 2), new TermCount("shelters", 2),
            new TermCount("solar", 2), new TermCount("community", 1), new TermCount("garden", 1), new TermCount("grow", 1), new TermCount("night", 1),
            new TermCount("park", 1), new TermCount("together", 1), new TermCount("vegetables", 1),
        ], themes.Terms);
    }

    [Fact]
    public void Near_identical_ideas_form_one_group_with_their_shared_terms_and_an_unrelated_idea_is_in_none()
    {
        var (s, first, second, _) = Campaign();

        var groups = ThemeFigures.Of(s.Inputs, November).Groups;

        var group = Assert.Single(groups);
        Assert.Equal([new ThemeIdea(first, "Solar bus shelters"), new ThemeIdea(second, "Solar bus shelters")], group.Ideas);
        Assert.Equal(["bus", "lights", "panels", "power", "shelters", "solar"], group.SharedTerms);
    }

    [Fact]
    public void Over_the_whole_campaign_the_October_idea_joins_the_group_first()
    {
        var (s, first, second, october) = Campaign();

        var themes = ThemeFigures.Of(s.Inputs, Period.All);

        Assert.Equal([october, first, second], Assert.Single(themes.Groups).Ideas.Select(i => i.IdeaId));
        Assert.Equal(new TermCount("energy", 3), themes.Tags[0]);
    }

    [Fact]
    public void Ideas_are_similar_from_a_quarter_of_shared_shingles_and_similarity_links_a_chain_into_one_group()
    {
        var s = new InsightsScenario();
        s.Idea("Published", "alpha beta gamma", "", [], 0, ("Submitted", At(11, 2)));
        s.Idea("Published", "beta gamma delta epsilon", "", [], 0, ("Submitted", At(11, 3))); // 1 of 4 shingles: similar
        s.Idea("Published", "kappa lambda omega", "", [], 0, ("Submitted", At(11, 4)));
        s.Idea("Published", "lambda omega sigma tau upsilon", "", [], 0, ("Submitted", At(11, 5))); // 1 of 5 shingles: not similar
        s.Idea("Published", "one alpha", "", [], 0, ("Submitted", At(11, 6))); // a single word: its only shingle
        s.Idea("Published", "alpha", "", [], 0, ("Submitted", At(11, 7)));

        var groups = ThemeFigures.Of(s.Inputs, November).Groups;

        Assert.Equal(["alpha beta gamma | beta gamma delta epsilon", "one alpha | alpha"], groups.Select(g => string.Join(" | ", g.Ideas.Select(i => i.Title))));
    }

    [Fact]
    public void A_chain_of_similar_ideas_is_one_group_sharing_only_what_all_of_them_say()
    {
        var s = new InsightsScenario();
        s.Idea("Published", "alpha beta gamma delta", "", [], 0, ("Submitted", At(11, 2)));
        s.Idea("Published", "beta gamma delta epsilon zeta", "", [], 0, ("Submitted", At(11, 3)));
        s.Idea("Published", "delta epsilon zeta eta", "", [], 0, ("Submitted", At(11, 4)));
        s.Idea("Published", "Community garden", "", [], 0, ("Submitted", At(11, 5)));

        var group = Assert.Single(ThemeFigures.Of(s.Inputs, November).Groups);

        // The first and the last share no shingle; each shares two of five with the middle one.
        Assert.Equal(["alpha beta gamma delta", "beta gamma delta epsilon zeta", "delta epsilon zeta eta"], group.Ideas.Select(i => i.Title));
        Assert.Equal(["delta"], group.SharedTerms);
    }

    [Fact]
    public void Bigger_groups_come_first()
    {
        var s = new InsightsScenario();
        s.Idea("Published", "Bike lanes downtown", "", [], 0, ("Submitted", At(11, 2)));
        s.Idea("Published", "Bike lanes downtown", "", [], 0, ("Submitted", At(11, 3)));
        s.Idea("Published", "Tree planting streets", "", [], 0, ("Submitted", At(11, 4)));
        s.Idea("Published", "Tree planting streets", "", [], 0, ("Submitted", At(11, 5)));
        s.Idea("Published", "Tree planting streets", "", [], 0, ("Submitted", At(11, 6)));

        var groups = ThemeFigures.Of(s.Inputs, November).Groups;

        Assert.Equal([("Tree planting streets", 3), ("Bike lanes downtown", 2)], groups.Select(g => (g.Ideas[0].Title, g.Ideas.Count)));
    }
}
