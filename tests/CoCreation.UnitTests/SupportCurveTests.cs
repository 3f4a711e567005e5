using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.GettingSupporters;

namespace CoCreation.UnitTests;

public class SupportCurveTests
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);

    private static readonly BallotOpened Opening = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), VotingModes.Support, ["alice"],
        [new MilestoneRule(2, 10), new MilestoneRule(5, 30)], Opened);

    private static VoteCast Cast(DateTimeOffset at) => new(Opening.BallotId, Opening.IdeaId, Opening.CampaignId, Guid.NewGuid(), "bob", null, at);

    [Fact]
    public void Each_day_keeps_the_supporters_at_its_end_and_days_without_votes_carry_the_count_on()
    {
        var curve = SupportCurveProjection.Create(Opening);
        curve = SupportCurveProjection.Apply(Cast(Opened.AddHours(1)), curve);
        curve = SupportCurveProjection.Apply(Cast(Opened.AddHours(2)), curve);
        curve = SupportCurveProjection.Apply(new VoteRetracted(Opening.BallotId, Opening.IdeaId, Opening.CampaignId, Guid.NewGuid(), "bob", null, Opened.AddHours(3)), curve);
        curve = SupportCurveProjection.Apply(new VoteDiscounted(Opening.BallotId, Opening.IdeaId, Opening.CampaignId, Guid.NewGuid(), "eve", null, "banned", Opened.AddDays(3)), curve);

        // Opened at 22:00 UTC: the first cast falls on 1 March, the second and the retraction on 2 March.
        Assert.Equal([new SupporterDay(new DateOnly(2026, 3, 1), 1), new SupporterDay(new DateOnly(2026, 3, 2), 1), new SupporterDay(new DateOnly(2026, 3, 4), 0)], curve.Days);
        Assert.Equal([1, 1, 1, 0, 0], curve.EveryDay(new DateOnly(2026, 3, 5)).Select(d => d.Supporters));
        Assert.Equal(new DateOnly(2026, 3, 1), curve.EveryDay(new DateOnly(2026, 3, 5))[0].Day);
    }

    [Fact]
    public void Reaching_a_milestone_starts_the_next_window_and_it_stays_reached()
    {
        var curve = SupportCurveProjection.Create(Opening);
        Assert.Equal(Opened.AddDays(10), curve.Ladder[0].Deadline);
        Assert.Null(curve.Ladder[1].Deadline);

        var reached = Opened.AddDays(4);
        curve = SupportCurveProjection.Apply(new MilestoneReached(Opening.BallotId, Opening.IdeaId, Opening.CampaignId, 0, 2, false, reached), curve);

        Assert.Equal(reached, curve.Ladder[0].ReachedAt);
        Assert.Equal(reached.AddDays(30), curve.Ladder[1].Deadline);
        Assert.Equal(curve.Ladder[0], curve.LastReached);
        Assert.Equal(curve.Ladder[1], curve.NextRung);
    }

    [Fact]
    public void The_chart_spans_the_open_window_and_draws_the_ladder_up_to_the_next_milestone()
    {
        var curve = SupportCurveProjection.Apply(Cast(Opened.AddHours(1)), SupportCurveProjection.Create(Opening));
        var ballot = Ballot.Create(Opening);
        var scale = new ChartScale(curve, ballot, new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 3, 11), scale.Last);
        Assert.Equal(2, scale.MaxSupporters);
        Assert.Equal([2], scale.Shown.Select(r => r.Supporters));
        Assert.Equal([5], scale.Beyond.Select(r => r.Supporters));
        Assert.Equal(ChartScale.Left, scale.X(scale.First));
        Assert.Equal(ChartScale.Width - ChartScale.Right, scale.X(scale.Last));
        Assert.Equal(ChartScale.Top, scale.Y(2));
        Assert.EndsWith($"V{ChartScale.N(scale.Y(1))} H{ChartScale.N(scale.X(new DateOnly(2026, 3, 2)))}", scale.StepPath(curve));
    }
}
