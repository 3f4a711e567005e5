using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class EngagementFiguresTests
{
    /// <summary>
    /// Weeks 48 to 52 of 2026. Alice submits in W48 and comments and votes in W49; Bob votes, retracts and revises in W49;
    /// Carol's votes are only discounted; Erin comments in W49 but was active in another campaign before; Dave flags in
    /// W50; nobody does anything in W51; Frank votes in W52.
    /// </summary>
    private static InsightsScenario Campaign()
    {
        var s = new InsightsScenario();
        s.On("alice", Day(11, 23)).Ideas = 1;
        var alice = s.On("alice", Day(12, 1));
        (alice.Comments, alice.VotesCast) = (2, 1);
        var bob = s.On("bob", Day(12, 2));
        (bob.VotesCast, bob.VotesRetracted, bob.Revisions) = (3, 1, 1);
        s.On("carol", Day(12, 3)).VotesDiscounted = 2;
        s.On("erin", Day(12, 4)).Comments = 1;
        s.Elsewhere("erin", Day(11, 10)).Ideas = 1;
        s.On("dave", Day(12, 9)).Flags = 1;
        s.On("frank", Day(12, 22)).VotesCast = 1;
        s.Idea("Published", ("Submitted", At(11, 23, 10)), ("Published", At(11, 24)));
        s.Idea("Published", ("Submitted", At(12, 1)), ("Published", At(12, 2)));
        s.Idea("Submitted", ("Submitted", At(12, 3)));
        return s;
    }

    private static readonly Period Week49 = Between(11, 30, 12, 6);

    [Fact]
    public void A_week_counts_what_happened_in_it_only()
    {
        var e = EngagementFigures.Of(Campaign().Inputs, Week49);

        Assert.Equal(new Engagement(IdeasSubmitted: 2, IdeasPublished: 1, Revisions: 1, Comments: 3, VotesCast: 4, VotesRetracted: 1,
            VotesDiscounted: 2, Flags: 0, ActiveMembers: 3, NewMembers: 1), e);
    }

    [Fact]
    public void The_whole_campaign_counts_everything()
    {
        var e = EngagementFigures.Of(Campaign().Inputs, Period.All);

        Assert.Equal((3, 2, 1, 3, 5, 1, 2, 1), (e.IdeasSubmitted, e.IdeasPublished, e.Revisions, e.Comments, e.VotesCast, e.VotesRetracted, e.VotesDiscounted, e.Flags));
        Assert.Equal(5, e.ActiveMembers);
    }

    [Fact]
    public void A_member_whose_votes_were_only_discounted_is_not_active()
    {
        var s = new InsightsScenario();
        s.On("carol", Day(12, 3)).VotesDiscounted = 2;

        var e = EngagementFigures.Of(s.Inputs, Period.All);

        Assert.Equal((2, 0, 0), (e.VotesDiscounted, e.ActiveMembers, e.NewMembers));
    }

    [Fact]
    public void A_new_member_is_one_first_active_on_the_platform_in_the_period_here_or_in_another_campaign()
    {
        var s = Campaign();
        // Erin was active elsewhere on 10 November: not new in W49. Bob was first active on 2 December: new.
        Assert.Equal(1, EngagementFigures.Of(s.Inputs, Week49).NewMembers);
        // From 1 November, Erin's first day (in the other campaign) is in the period: she is new too, and so is Alice.
        Assert.Equal(3, EngagementFigures.Of(s.Inputs, Between(11, 1, 12, 6)).NewMembers);
        // Alice, active here since 23 November, is not new in W49 though she was active in it.
        Assert.Equal(0, EngagementFigures.Of(s.Inputs, Between(12, 1, 12, 1)).NewMembers);
    }

    [Fact]
    public void Over_the_whole_campaign_a_member_active_on_the_platform_before_it_is_no_new_member()
    {
        // Erin was active in another campaign on 10 November, before anyone here (23 November): of the five, four are new.
        var e = EngagementFigures.Of(Campaign().Inputs, Period.All);

        Assert.Equal((5, 4), (e.ActiveMembers, e.NewMembers));
        Assert.Equal(4, EngagementFigures.Of(Campaign().Inputs, new Period(null, Day(12, 31))).NewMembers);
        Assert.Equal(2, EngagementFigures.Of(Campaign().Inputs, new Period(null, Day(12, 6))).NewMembers); // alice, bob
    }

    [Fact]
    public void The_daily_series_runs_from_the_first_to_the_last_active_day_with_the_empty_days_between()
    {
        var daily = EngagementFigures.Daily(Campaign().Inputs, Period.All);

        Assert.Equal(30, daily.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(d => Day(11, 23).AddDays(d)), daily.Select(p => p.Start));
        Assert.Equal("2026-11-23", daily[0].Period);
        Assert.Equal(new EngagementPoint("2026-11-23", Day(11, 23), 1, 0, 0, 0, 0, 0, 1, 1), daily[0]);
        Assert.Equal(new EngagementPoint("2026-11-24", Day(11, 24), 0, 1, 0, 0, 0, 0, 0, 0), daily[1]);
        Assert.Equal(new EngagementPoint("2026-11-25", Day(11, 25), 0, 0, 0, 0, 0, 0, 0, 0), daily[2]);
        Assert.Equal(new EngagementPoint("2026-12-02", Day(12, 2), 0, 1, 0, 3, 1, 0, 1, 1), daily[9]);
        Assert.Equal(new EngagementPoint("2026-12-04", Day(12, 4), 0, 0, 1, 0, 0, 0, 1, 0), daily[11]);
        Assert.Equal(new EngagementPoint("2026-12-22", Day(12, 22), 0, 0, 0, 1, 0, 0, 1, 1), daily[^1]);
    }

    [Fact]
    public void The_daily_series_of_a_period_stays_within_it()
    {
        var daily = EngagementFigures.Daily(Campaign().Inputs, Week49);

        Assert.Equal(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"], daily.Select(p => p.Period));
        Assert.Equal(new EngagementPoint("2026-12-01", Day(12, 1), 1, 0, 2, 1, 0, 0, 1, 0), daily[0]);
    }

    [Fact]
    public void The_weekly_series_has_one_point_per_ISO_week_from_Monday_empty_weeks_included()
    {
        var weekly = EngagementFigures.Weekly(Campaign().Inputs, Period.All);

        Assert.Equal(
        [
            new EngagementPoint("2026-W48", Day(11, 23), 1, 1, 0, 0, 0, 0, 1, 1),
            new EngagementPoint("2026-W49", Day(11, 30), 2, 1, 3, 4, 1, 0, 3, 1),
            new EngagementPoint("2026-W50", Day(12, 7), 0, 0, 0, 0, 0, 1, 1, 1),
            new EngagementPoint("2026-W51", Day(12, 14), 0, 0, 0, 0, 0, 0, 0, 0),
            new EngagementPoint("2026-W52", Day(12, 21), 0, 0, 0, 1, 0, 0, 1, 1),
        ], weekly);
    }

    [Fact]
    public void A_week_cut_by_the_period_counts_only_its_days_in_the_period()
    {
        // From Wednesday 2 December: Alice's Tuesday in W49 is left out.
        var weekly = EngagementFigures.Weekly(Campaign().Inputs, Between(12, 2, 12, 9));

        Assert.Equal(
        [
            new EngagementPoint("2026-W49", Day(11, 30), 1, 1, 1, 3, 1, 0, 2, 1),
            new EngagementPoint("2026-W50", Day(12, 7), 0, 0, 0, 0, 0, 1, 1, 1),
        ], weekly);
    }

    [Fact]
    public void A_period_without_activity_has_empty_series_and_zero_counts()
    {
        var inputs = Campaign().Inputs;
        var quiet = Between(12, 10, 12, 20);

        Assert.Empty(EngagementFigures.Daily(inputs, quiet));
        Assert.Empty(EngagementFigures.Weekly(inputs, quiet));
        Assert.Equal(new Engagement(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), EngagementFigures.Of(inputs, quiet));
    }
}
