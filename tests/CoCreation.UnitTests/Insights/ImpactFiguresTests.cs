using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class ImpactFiguresTests
{
    private static readonly Period November = Between(11, 1, 11, 30);

    private static InsightsScenario Campaign()
    {
        var s = new InsightsScenario();
        s.On("alice", Day(11, 2)).VotesCast = 2;
        s.On("alice", Day(11, 3)).VotesCast = 1;
        s.On("bob", Day(11, 3)).VotesRetracted = 1;
        s.On("carol", Day(11, 4)).VotesDiscounted = 1;
        s.On("erin", Day(11, 5)).Ideas = 1;
        s.On("dave", Day(12, 1)).VotesCast = 1;

        (string Status, int Supporters)[] ideas =
            [("Published", 5), ("UnderReview", 3), ("Expired", 1), ("Rejected", 7), ("Submitted", 4), ("Hidden", 2), ("Withdrawn", 9)];
        foreach (var (status, supporters) in ideas) s.Idea(status, "An idea", "", [], supporters, ("Submitted", At(11, 2)));

        s.Campaign.PointsByDay["2026-10-31"] = 1;
        s.Campaign.PointsByDay["2026-11-02"] = 10;
        s.Campaign.PointsByDay["2026-11-30"] = 5;
        s.Campaign.PointsByDay["2026-12-01"] = 100;

        s.Pay("prize", 100m, "EUR", At(11, 2));
        s.Pay("prize", 50.50m, "EUR", At(11, 20));
        s.Pay("royalty", 10m, "EUR", At(11, 21));
        s.Pay("prize", 30m, "USD", At(11, 22));
        s.Pay("prize", 1000m, "EUR", new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.FromHours(-5))); // 1 December UTC
        return s;
    }

    [Fact]
    public void Supporters_reached_are_the_distinct_members_who_cast_a_vote_in_the_period()
    {
        Assert.Equal(1, ImpactFigures.Of(Campaign().Inputs, November).SupportersReached); // alice, twice
        Assert.Equal(2, ImpactFigures.Of(Campaign().Inputs, Period.All).SupportersReached); // and dave
    }

    [Fact]
    public void Support_is_what_the_public_ideas_hold_now_whatever_the_period()
    {
        // Published 5 + UnderReview 3 + Expired 1; not the rejected, submitted, hidden or withdrawn ideas.
        Assert.Equal(9, ImpactFigures.Of(Campaign().Inputs, November).Support);
        Assert.Equal(9, ImpactFigures.Of(Campaign().Inputs, Between(1, 1, 1, 31)).Support);
    }

    [Fact]
    public void Points_are_those_granted_on_the_days_of_the_period()
    {
        Assert.Equal(15, ImpactFigures.Of(Campaign().Inputs, November).PointsGranted);
        Assert.Equal(116, ImpactFigures.Of(Campaign().Inputs, Period.All).PointsGranted);
    }

    [Fact]
    public void Rewards_are_totalled_by_kind_and_currency_within_the_period()
    {
        var impact = ImpactFigures.Of(Campaign().Inputs, November);

        Assert.Equal([new MoneyTotal("prize", "EUR", 150.50m), new MoneyTotal("prize", "USD", 30m), new MoneyTotal("royalty", "EUR", 10m)], impact.Rewards);
        Assert.Empty(impact.FundsRaised);
        Assert.Equal(new MoneyTotal("prize", "EUR", 1150.50m), ImpactFigures.Of(Campaign().Inputs, Period.All).Rewards[0]);
    }

    [Fact]
    public void A_campaign_with_nothing_has_no_impact()
    {
        var impact = ImpactFigures.Of(new InsightsScenario().Inputs, Period.All);

        Assert.Equal((0, 0, 0L), (impact.SupportersReached, impact.Support, impact.PointsGranted));
        Assert.Empty(impact.Rewards);
    }
}
