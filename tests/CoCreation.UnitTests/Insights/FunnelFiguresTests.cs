using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class FunnelFiguresTests
{
    private static DateTimeOffset Nov(int day) => At(11, day, 0);

    private static readonly Period November = Between(11, 1, 11, 30);

    /// <summary>A campaign of two milestones; eight ideas submitted in November and one in October.</summary>
    private static (InsightsScenario Scenario, Guid RejectedTwice, Guid RejectedWithoutDecision, Guid RejectedWithoutReason) Campaign()
    {
        var s = new InsightsScenario();
        s.Idea("Launched", ("Submitted", Nov(2)), ("Published", Nov(3)), ("Milestone1", Nov(5)), ("Milestone2", Nov(9)),
            ("UnderReview", Nov(10)), ("Selected", Nov(12)), ("InProduction", Nov(20)), ("Launched", Nov(30)));
        s.Idea("Expired", ("Submitted", Nov(2)), ("Published", Nov(5)), ("Milestone1", Nov(9)), ("Expired", Nov(20)));
        s.Idea("Expired", ("Submitted", Nov(3)), ("Published", Nov(4)), ("Expired", Nov(14)));
        var twice = s.Idea("Rejected", ("Submitted", Nov(4)), ("Rejected", Nov(4).AddHours(20)));
        var noDecision = s.Idea("Rejected", ("Submitted", Nov(4)), ("Rejected", Nov(5)));
        var noReason = s.Idea("Rejected", ("Submitted", Nov(5)), ("Rejected", Nov(6)));
        s.Idea("NotSelected", ("Submitted", Nov(5)), ("Published", Nov(6)), ("Milestone1", Nov(7)), ("Milestone2", Nov(8)),
            ("UnderReview", Nov(9)), ("NotSelected", Nov(15)));
        s.Idea("Withdrawn", ("Submitted", Nov(6)), ("Withdrawn", Nov(7)));
        s.Idea("Launched", ("Submitted", At(10, 20)), ("Published", At(10, 21)), ("Milestone1", Nov(3)), ("Milestone2", Nov(4)),
            ("UnderReview", Nov(5)), ("Selected", Nov(6)), ("InProduction", Nov(7)), ("Launched", Nov(8)));

        // Rejected, revised and rejected again: the latest decision's reason is the one that counts.
        s.Decide(twice.IdeaId, "Reject", "offtopic", Nov(4).AddHours(2), Nov(4).AddHours(20));
        s.Decide(twice.IdeaId, "Reject", "spam", Nov(5).AddHours(2), Nov(5).AddHours(8));
        s.Decide(noReason.IdeaId, "Reject", null, null, Nov(6));
        // A comment's rejection, with the same subject id by chance, and an approval say nothing of why an idea was rejected.
        s.Decide(noDecision.IdeaId, "Reject", "abuse", null, Nov(6), subjectType: "comment");
        s.Decide(noDecision.IdeaId, "Approve", null, null, Nov(4));
        return (s, twice.IdeaId, noDecision.IdeaId, noReason.IdeaId);
    }

    [Fact]
    public void The_stages_run_from_submission_through_each_milestone_to_launch()
    {
        Assert.Equal(["Submitted", "Published", "Milestone1", "Milestone2", "UnderReview", "Selected", "InProduction", "Launched"], FunnelFigures.Stages(2));
        Assert.Equal(["Submitted", "Published", "UnderReview", "Selected", "InProduction", "Launched"], FunnelFigures.Stages(0));
        Assert.Equal(["Milestone1", "Milestone2", "Milestone3"], FunnelFigures.Stages(3).Skip(2).Take(3));
    }

    [Fact]
    public void The_cohort_is_the_ideas_submitted_in_the_period()
    {
        var (s, _, _, _) = Campaign();

        Assert.Equal(8, FunnelFigures.Cohort(s.Inputs, November).Count);
        Assert.Equal(9, FunnelFigures.Cohort(s.Inputs, Period.All).Count);
        Assert.Equal(2, FunnelFigures.Cohort(s.Inputs, Between(11, 4, 11, 4)).Count);
    }

    [Fact]
    public void Each_stage_counts_the_cohort_s_ideas_that_reached_it_with_the_conversion_from_the_previous_and_the_median_days()
    {
        var funnel = FunnelFigures.Of(Campaign().Scenario.Inputs, November);

        // The October idea reached its milestones in November but is not of November's cohort.
        Assert.Equal(
        [
            new FunnelStage("Submitted", 8, null, null),
            new FunnelStage("Published", 4, 0.5, 1), // 1, 3, 1 and 1 days
            new FunnelStage("Milestone1", 3, 0.75, 2), // 2, 4 and 1 days
            new FunnelStage("Milestone2", 2, 2 / 3.0, 2.5), // 4 and 1 days
            new FunnelStage("UnderReview", 2, 1, 1),
            new FunnelStage("Selected", 1, 0.5, 2),
            new FunnelStage("InProduction", 1, 1, 8),
            new FunnelStage("Launched", 1, 1, 10),
        ], funnel);
    }

    [Fact]
    public void After_a_stage_nobody_reached_the_conversion_and_median_are_unknown()
    {
        var funnel = FunnelFigures.Of(Campaign().Scenario.Inputs, Between(11, 4, 11, 4));

        Assert.Equal(new FunnelStage("Submitted", 2, null, null), funnel[0]);
        Assert.Equal(new FunnelStage("Published", 0, 0, null), funnel[1]);
        Assert.All(funnel.Skip(2), stage => Assert.Equal(new FunnelStage(stage.Stage, 0, null, null), stage));
    }

    [Fact]
    public void An_empty_cohort_has_every_stage_at_zero()
    {
        var funnel = FunnelFigures.Of(Campaign().Scenario.Inputs, Between(12, 1, 12, 31));

        Assert.Equal(8, funnel.Count);
        Assert.All(funnel, stage => Assert.Equal((0, (double?)null, (double?)null), (stage.Count, stage.Conversion, stage.MedianDaysFromPrevious)));
    }

    [Fact]
    public void Expired_ideas_are_counted_by_the_first_milestone_they_did_not_reach()
    {
        var exits = FunnelFigures.Exits(Campaign().Scenario.Inputs, November);

        Assert.Equal(2, exits.Expired);
        Assert.Equal([new ReasonCount("Milestone1", 1), new ReasonCount("Milestone2", 1)], exits.ExpiredAt);
    }

    [Fact]
    public void Rejected_ideas_are_counted_by_the_reason_of_the_latest_rejection_of_the_idea_or_as_unknown()
    {
        var exits = FunnelFigures.Exits(Campaign().Scenario.Inputs, November);

        Assert.Equal(3, exits.Rejected);
        Assert.Equal([new ReasonCount("unknown", 2), new ReasonCount("spam", 1)], exits.RejectedFor);
    }

    [Fact]
    public void An_idea_rejected_then_approved_on_appeal_revised_or_withdrawn_has_not_left_the_funnel_by_rejection()
    {
        var s = new InsightsScenario();
        var appealed = s.Idea("Published", ("Submitted", Nov(2)), ("Rejected", Nov(3)), ("Published", Nov(5)));
        s.Idea("Submitted", ("Submitted", Nov(2)), ("Rejected", Nov(3)));
        s.Idea("Withdrawn", ("Submitted", Nov(2)), ("Rejected", Nov(3)), ("Withdrawn", Nov(4)));
        var rejected = s.Idea("Rejected", ("Submitted", Nov(2)), ("Rejected", Nov(3)));
        s.Decide(appealed.IdeaId, "Reject", "offtopic", null, Nov(3));
        s.Decide(rejected.IdeaId, "Reject", "spam", null, Nov(3));

        var exits = FunnelFigures.Exits(s.Inputs, November);

        Assert.Equal(1, exits.Rejected);
        Assert.Equal([new ReasonCount("spam", 1)], exits.RejectedFor);
        Assert.Equal(1, exits.Withdrawn);
        Assert.Equal(1, FunnelFigures.Of(s.Inputs, November)[1].Count); // the appealed idea is published
    }

    [Fact]
    public void Ideas_not_selected_and_withdrawn_are_counted_apart()
    {
        var exits = FunnelFigures.Exits(Campaign().Scenario.Inputs, November);

        Assert.Equal((1, 1), (exits.NotSelected, exits.Withdrawn));
        var october = FunnelFigures.Exits(Campaign().Scenario.Inputs, Between(10, 1, 10, 31));
        Assert.Equal((0, 0, 0, 0), (october.Expired, october.Rejected, october.NotSelected, october.Withdrawn));
        Assert.Empty(october.ExpiredAt);
        Assert.Empty(october.RejectedFor);
    }
}
