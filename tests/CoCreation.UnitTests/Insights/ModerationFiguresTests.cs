using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class ModerationFiguresTests
{
    private static readonly Period November = Between(11, 1, 11, 30);

    /// <summary>
    /// Six decisions in November waiting 100, 300, 600, 1200 and 0 seconds (queued after by a clock's skew), one without a
    /// queue time; one decided in December. Four appeals filed in November (decided in December or not yet), one in December.
    /// Four ideas submitted in November, three flags in it.
    /// </summary>
    private static InsightsScenario Campaign()
    {
        var s = new InsightsScenario();
        var idea = Guid.NewGuid();
        s.Decide(idea, "Approve", null, At(11, 2, 10), At(11, 2, 10, 1, 40));
        var spam = s.Decide(idea, "Reject", "spam", At(11, 3, 9), At(11, 3, 9, 5));
        var hidden = s.Decide(Guid.NewGuid(), "Hide", "abuse", At(11, 4, 12), At(11, 4, 12, 10), subjectType: "comment");
        var spamAgain = s.Decide(Guid.NewGuid(), "Reject", "spam", At(11, 5, 0), At(11, 5, 0, 20));
        var offTopic = s.Decide(Guid.NewGuid(), "Reject", "offtopic", null, At(11, 6));
        s.Decide(Guid.NewGuid(), "Approve", null, At(11, 7, 12, 0, 10), At(11, 7, 12), subjectType: "comment");
        s.Decide(Guid.NewGuid(), "Reject", "spam", At(11, 30), At(12, 2));

        s.Appeal(spam.ItemId, At(11, 10));
        s.Decide(spam.SubjectId, "Approve", null, null, At(12, 1), onAppeal: true, itemId: spam.ItemId);
        s.Appeal(spamAgain.ItemId, At(11, 12));
        s.Decide(spamAgain.SubjectId, "Reject", "spam", null, At(12, 2, 13), onAppeal: true, itemId: spamAgain.ItemId);
        s.Appeal(hidden.ItemId, At(11, 14));
        s.Decide(hidden.SubjectId, "Approve", null, null, At(12, 3), itemId: hidden.ItemId); // not on appeal: the appeal still waits
        s.Appeal(offTopic.ItemId, At(11, 20));
        s.Decide(offTopic.SubjectId, "Reject", "offtopic", null, At(12, 4), onAppeal: true, itemId: offTopic.ItemId);
        s.Decide(offTopic.SubjectId, "Approve", null, null, At(12, 6), onAppeal: true, itemId: offTopic.ItemId);
        s.Appeal(Guid.NewGuid(), At(12, 5));

        s.Flag(At(11, 2));
        s.Flag(At(11, 3), "comment");
        s.Flag(At(11, 4));
        s.Flag(At(12, 1));
        for (var day = 1; day <= 4; day++) s.Idea("Published", ("Submitted", At(11, day)));
        s.Idea("Published", ("Submitted", At(12, 1)));
        return s;
    }

    [Fact]
    public void Decisions_of_the_period_are_counted_by_decision_and_by_reason()
    {
        var health = ModerationFigures.Of(Campaign().Inputs, November);

        Assert.Equal(6, health.Decisions);
        Assert.Equal([new ReasonCount("Reject", 3), new ReasonCount("Approve", 2), new ReasonCount("Hide", 1)], health.ByDecision);
        Assert.Equal([new ReasonCount("spam", 2), new ReasonCount("abuse", 1), new ReasonCount("offtopic", 1)], health.ByReason);
    }

    [Fact]
    public void Queue_waits_are_from_queueing_to_deciding_and_a_decision_without_a_queue_time_has_none()
    {
        var health = ModerationFigures.Of(Campaign().Inputs, November);

        // Waits 0, 100, 300, 600, 1200 seconds: the median is the third; the 95th percentile sits at rank 3.8, between 600 and 1200.
        Assert.Equal(300, health.QueueWaitP50Seconds!.Value, 9);
        Assert.Equal(1080, health.QueueWaitP95Seconds!.Value, 9);
    }

    [Fact]
    public void Flags_of_the_period_are_counted_per_hundred_ideas_submitted_in_it()
    {
        var health = ModerationFigures.Of(Campaign().Inputs, November);

        Assert.Equal(3, health.Flags);
        Assert.Equal(75, health.FlagsPer100Ideas!.Value, 9);
    }

    [Fact]
    public void An_appeal_is_upheld_or_overturned_by_the_first_decision_on_appeal_after_it_whenever_that_was_or_still_pending()
    {
        var appeals = ModerationFigures.Of(Campaign().Inputs, November).Appeals;

        Assert.Equal(new Appeals(Filed: 4, Upheld: 2, Overturned: 1, Pending: 1), appeals);
    }

    [Fact]
    public void A_quiet_period_has_no_waits_and_flags_per_idea_are_unknown_without_ideas()
    {
        var s = Campaign();
        s.Flag(At(10, 15));

        var health = ModerationFigures.Of(s.Inputs, Between(10, 1, 10, 31));

        Assert.Equal((0, (double?)null, (double?)null, 1, (double?)null), (health.Decisions, health.QueueWaitP50Seconds, health.QueueWaitP95Seconds, health.Flags, health.FlagsPer100Ideas));
        Assert.Empty(health.ByDecision);
        Assert.Empty(health.ByReason);
        Assert.Equal(new Appeals(0, 0, 0, 0), health.Appeals);
    }

    [Fact]
    public void Over_the_whole_campaign_the_December_decisions_count_too()
    {
        var health = ModerationFigures.Of(Campaign().Inputs, Period.All);

        // 7 first decisions and 5 on or after appeals; the December one waited 2 days.
        Assert.Equal(12, health.Decisions);
        Assert.Equal(5, health.Appeals.Filed);
        Assert.Equal(2, health.Appeals.Pending);
        Assert.Equal(4, health.Flags);
        Assert.Equal(80, health.FlagsPer100Ideas!.Value, 9);
        Assert.Equal(450, health.QueueWaitP50Seconds!.Value, 9); // between 300 and 600 of 0, 100, 300, 600, 1200, 172800
    }
}
