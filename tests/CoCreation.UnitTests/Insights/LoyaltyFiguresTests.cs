using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class LoyaltyFiguresTests
{
    /// <summary>
    /// Alice: W48 and W49. Bob: W49, and another campaign on 10 November. Carol: twice in W49. Dave: W48, W50 and W52,
    /// and another campaign on 20 December. Erin's votes were only discounted.
    /// </summary>
    private static InsightsScenario Campaign()
    {
        var s = new InsightsScenario();
        s.On("alice", Day(11, 23)).Ideas = 1;
        s.On("alice", Day(12, 1)).Comments = 2;
        s.On("bob", Day(12, 2)).VotesCast = 3;
        s.Elsewhere("bob", Day(11, 10)).Ideas = 1;
        s.On("carol", Day(12, 3)).VotesCast = 1;
        s.On("carol", Day(12, 4)).VotesCast = 1;
        s.On("dave", Day(11, 24)).Comments = 1;
        s.On("dave", Day(12, 8)).Flags = 1;
        s.On("dave", Day(12, 22)).Comments = 1;
        s.Elsewhere("dave", Day(12, 20)).VotesCast = 1;
        s.On("erin", Day(12, 9)).VotesDiscounted = 3;
        return s;
    }

    [Fact]
    public void Over_the_whole_campaign_returning_members_are_those_of_several_weeks_or_several_campaigns_counted_once()
    {
        var loyalty = LoyaltyFigures.Of(Campaign().Inputs, Period.All);

        Assert.Equal(4, loyalty.ActiveMembers);
        Assert.Equal(2, loyalty.ActiveInSeveralWeeks); // alice, dave
        Assert.Equal(2, loyalty.ActiveInSeveralCampaigns); // bob, dave
        Assert.Equal(3, loyalty.ReturningMembers); // dave once
    }

    [Fact]
    public void The_share_of_activity_from_prior_members_leaves_out_each_member_s_first_day_on_the_platform()
    {
        // 11 actions; not from prior members: Alice's 23 November (1), Carol's 3 December (1), Dave's 24 November (1).
        Assert.Equal(8 / 11.0, LoyaltyFigures.Of(Campaign().Inputs, Period.All).ShareOfActivityFromPriorMembers, 12);
    }

    [Fact]
    public void Weekly_retention_runs_over_every_week_after_the_first_empty_weeks_included()
    {
        var loyalty = LoyaltyFigures.Of(Campaign().Inputs, Period.All);

        Assert.Equal(
        [
            new WeeklyRetention("2026-W49", 2, 1, 0.5), // of alice and dave, alice came back
            new WeeklyRetention("2026-W50", 3, 0, 0),
            new WeeklyRetention("2026-W51", 1, 0, 0),
            new WeeklyRetention("2026-W52", 0, 0, 0),
        ], loyalty.Retention);
    }

    [Fact]
    public void Within_a_period_weeks_count_only_in_it_and_other_campaigns_only_until_its_end()
    {
        // W49 and W50: Alice and Dave are each seen in one week only; Dave's other campaign comes after the period.
        var loyalty = LoyaltyFigures.Of(Campaign().Inputs, Between(11, 30, 12, 13));

        Assert.Equal(new Loyalty(ActiveMembers: 4, ReturningMembers: 1, ActiveInSeveralWeeks: 0, ActiveInSeveralCampaigns: 1,
            ShareOfActivityFromPriorMembers: 7 / 8.0, Retention: loyalty.Retention), loyalty);
        Assert.Equal([new WeeklyRetention("2026-W50", 3, 0, 0)], loyalty.Retention);
    }

    [Fact]
    public void Retention_rates_are_the_share_of_last_week_s_members_seen_again()
    {
        var s = new InsightsScenario();
        foreach (var member in new[] { "a", "b", "c", "d" }) s.On(member, Day(11, 10)).Comments = 1; // W46
        foreach (var member in new[] { "a", "b", "e" }) s.On(member, Day(11, 18)).VotesCast = 1; // W47
        foreach (var member in new[] { "a", "e" }) s.On(member, Day(11, 29)).Flags = 1; // W48, its Sunday

        var loyalty = LoyaltyFigures.Of(s.Inputs, Period.All);

        Assert.Equal([new WeeklyRetention("2026-W47", 4, 2, 0.5), new WeeklyRetention("2026-W48", 3, 2, 2 / 3.0)], loyalty.Retention);
        Assert.Equal(3, loyalty.ActiveInSeveralWeeks);
        // 9 actions, of which Alice's and Bob's in W47 and Alice's and Erin's in W48 came from members seen before.
        Assert.Equal(4 / 9.0, loyalty.ShareOfActivityFromPriorMembers, 12);
    }

    [Fact]
    public void No_activity_no_loyalty()
    {
        var loyalty = LoyaltyFigures.Of(Campaign().Inputs, Between(10, 1, 10, 31));

        Assert.Equal((0, 0, 0, 0, 0.0), (loyalty.ActiveMembers, loyalty.ReturningMembers, loyalty.ActiveInSeveralWeeks,
            loyalty.ActiveInSeveralCampaigns, loyalty.ShareOfActivityFromPriorMembers));
        Assert.Empty(loyalty.Retention);
    }
}
