using CoCreation.Voting.Ballots.Merging;
using Marten.Events.Aggregation;

namespace CoCreation.Voting.Ballots.GettingSupporters;

/// <summary>Supporters at the end of a day (UTC, on the application clock the vote events carry).</summary>
public sealed record SupporterDay(DateOnly Day, int Supporters);

/// <summary>One rung of the idea's ladder: its deadline once its window has started, when the idea reached it.</summary>
public sealed record LadderRung(int Supporters, int WithinDays, DateTimeOffset? Deadline, DateTimeOffset? ReachedAt);

/// <summary>
/// An idea's supporters over time: one entry per day on which a vote was cast, retracted or discounted, and its
/// milestone ladder. An inline projection of the ballot's stream, beside the <see cref="Ballot"/> snapshot.
/// </summary>
public sealed record SupportCurve(Guid Id, Guid IdeaId, Guid CampaignId, DateTimeOffset OpenedAt, int Supporters,
    IReadOnlyList<SupporterDay> Days, IReadOnlyList<LadderRung> Ladder)
{
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public SupportCurve Counted(int change, DateTimeOffset at)
    {
        var supporters = Supporters + change;
        var day = DayOf(at);
        var days = Days.ToList();
        if (days.Count > 0 && days[^1].Day >= day) days[^1] = days[^1] with { Supporters = supporters };
        else days.Add(new SupporterDay(day, supporters));
        return this with { Supporters = supporters, Days = days };
    }

    public SupportCurve Reached(int index, DateTimeOffset at)
    {
        var ladder = Ladder.ToList();
        if (index >= ladder.Count) return this;
        ladder[index] = ladder[index] with { ReachedAt = at };
        if (index + 1 < ladder.Count) ladder[index + 1] = ladder[index + 1] with { Deadline = at.AddDays(ladder[index + 1].WithinDays) };
        return this with { Ladder = ladder };
    }

    /// <summary>The window of the first milestone not reached yet closes later by <paramref name="by"/>.</summary>
    public SupportCurve Extended(TimeSpan by)
    {
        var ladder = Ladder.ToList();
        var next = ladder.FindIndex(r => r.ReachedAt is null);
        if (next < 0 || ladder[next].Deadline is not { } deadline) return this;
        ladder[next] = ladder[next] with { Deadline = deadline + by };
        return this with { Ladder = ladder };
    }

    /// <summary>Supporters at the end of every day from the opening day to <paramref name="until"/> (at least the last day with a change).</summary>
    public IReadOnlyList<SupporterDay> EveryDay(DateOnly until)
    {
        var first = DayOf(OpenedAt);
        var last = Days.Count > 0 && Days[^1].Day > until ? Days[^1].Day : until;
        if (last < first) last = first;
        var points = new List<SupporterDay>();
        var supporters = 0;
        var next = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            while (next < Days.Count && Days[next].Day <= day) supporters = Days[next++].Supporters;
            points.Add(new SupporterDay(day, supporters));
        }
        return points;
    }

    /// <summary>The milestone reached last, if any.</summary>
    public LadderRung? LastReached => Ladder.LastOrDefault(r => r.ReachedAt is not null);

    /// <summary>The first milestone not reached yet, if any.</summary>
    public LadderRung? NextRung => Ladder.FirstOrDefault(r => r.ReachedAt is null);
}

public sealed class SupportCurveProjection : SingleStreamProjection<SupportCurve, Guid>
{
    public static SupportCurve Create(BallotOpened e) =>
        new(e.BallotId, e.IdeaId, e.CampaignId, e.OpenedAt, 0, [],
            e.Milestones.Select((m, i) => new LadderRung(m.Supporters, m.WithinDays, i == 0 ? e.OpenedAt.AddDays(m.WithinDays) : null, null)).ToList());

    public static SupportCurve Apply(VoteCast e, SupportCurve curve) => curve.Counted(+1, e.CastAt);

    public static SupportCurve Apply(VoteRetracted e, SupportCurve curve) => curve.Counted(-1, e.RetractedAt);

    public static SupportCurve Apply(VoteDiscounted e, SupportCurve curve) => curve.Counted(-1, e.DiscountedAt);

    public static SupportCurve Apply(MilestoneReached e, SupportCurve curve) => curve.Reached(e.Index, e.ReachedAt);

    public static SupportCurve Apply(VoteMovedAway e, SupportCurve curve) => curve.Counted(-1, e.MovedAt);

    public static SupportCurve Apply(VoteReleased e, SupportCurve curve) => curve.Counted(-1, e.ReleasedAt);

    public static SupportCurve Apply(VoteReturned e, SupportCurve curve) => curve.Counted(-1, e.ReturnedAt);

    public static SupportCurve Apply(VoteMovedIn e, SupportCurve curve) => curve.Counted(+1, e.MovedAt);

    public static SupportCurve Apply(VoteRestored e, SupportCurve curve) => curve.Counted(+1, e.RestoredAt);

    public static SupportCurve Apply(BallotWindowExtended e, SupportCurve curve) => curve.Extended(e.By);
}
