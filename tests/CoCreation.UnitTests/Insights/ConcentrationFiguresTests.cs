using CoCreation.Insights.Activity;
using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class ConcentrationFiguresTests
{
    private const int Digits = 12;

    /// <summary>
    /// Twenty active members in November: m0 submits 6 ideas and casts 10 votes (over two days), m1 3 ideas and 5 votes,
    /// m2 one idea, the 17 others one vote each. Erin's votes were only discounted; m0 also voted in December.
    /// </summary>
    private static InsightsScenario Campaign()
    {
        var s = new InsightsScenario();
        var first = s.On("m0", Day(11, 2));
        (first.Ideas, first.VotesCast) = (4, 6);
        var second = s.On("m0", Day(11, 9));
        (second.Ideas, second.VotesCast) = (2, 4);
        s.On("m0", Day(12, 1)).VotesCast = 50;
        var m1 = s.On("m1", Day(11, 3));
        (m1.Ideas, m1.VotesCast) = (3, 5);
        s.On("m2", Day(11, 4)).Ideas = 1;
        for (var m = 3; m < 20; m++) s.On($"m{m}", Day(11, 5)).VotesCast = 1;
        s.On("erin", Day(11, 6)).VotesDiscounted = 7;
        return s;
    }

    [Fact]
    public void The_top_percent_is_one_member_and_the_top_tenth_two_of_twenty()
    {
        var c = ConcentrationFigures.Of(Campaign().Inputs, Between(11, 1, 11, 30));

        Assert.Equal(20, c.Members);
        Assert.Equal(0.6, c.IdeasFromTop1Percent, Digits); // 6 of 10 ideas
        Assert.Equal(0.9, c.IdeasFromTop10Percent, Digits);
        Assert.Equal(10 / 32.0, c.VotesFromTop1Percent, Digits);
        Assert.Equal(15 / 32.0, c.VotesFromTop10Percent, Digits);
    }

    [Fact]
    public void The_Gini_coefficient_is_of_each_member_s_actions_in_the_period()
    {
        var c = ConcentrationFigures.Of(Campaign().Inputs, Between(11, 1, 11, 30));

        // Actions 16, 8 and eighteen 1s: 2 * (1 + ... + 18 + 19 * 8 + 20 * 16) / (20 * 42) - 21 / 20 = 404 / 840.
        Assert.Equal(404 / 840.0, c.ActivityGini, Digits);
    }

    [Fact]
    public void The_same_member_s_days_are_added_up_and_members_who_did_nothing_themselves_are_left_out()
    {
        var c = ConcentrationFigures.Of([("a", new DayCounts { Ideas = 1 }), ("a", new DayCounts { Ideas = 1 }), ("b", new DayCounts { Comments = 1 }),
            ("c", new DayCounts { VotesDiscounted = 4 })]);

        Assert.Equal((2, 1.0, 1.0, 0.0, 0.0), (c.Members, c.IdeasFromTop1Percent, c.IdeasFromTop10Percent, c.VotesFromTop1Percent, c.VotesFromTop10Percent));
        Assert.Equal(1 / 6.0, c.ActivityGini, Digits); // actions 2 and 1
    }

    [Fact]
    public void Equal_voices_are_not_concentrated()
    {
        var s = new InsightsScenario();
        foreach (var member in new[] { "a", "b", "c", "d" }) s.On(member, Day(11, 2)).VotesCast = 2;

        var c = ConcentrationFigures.Of(s.Inputs, Period.All);

        Assert.Equal(new Concentration(4, 0, 0, 0.25, 0.25, 0), c);
    }

    [Fact]
    public void Nobody_active_no_concentration()
    {
        Assert.Equal(new Concentration(0, 0, 0, 0, 0, 0), ConcentrationFigures.Of(Campaign().Inputs, Between(10, 1, 10, 31)));
    }
}
