using CoCreation.BuildingBlocks.Audit;
using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots.Merging;

namespace CoCreation.Voting.Ballots;

/// <summary>Open takes votes; Closed while the idea is not Published; Expired missed a window; Completed reached the last milestone.</summary>
public enum BallotStatus { Open, Closed, Expired, Completed }

public sealed record BallotOpened(
    Guid BallotId, Guid IdeaId, Guid CampaignId, string Mode, IReadOnlyList<string> Authors,
    IReadOnlyList<MilestoneRule> Milestones, DateTimeOffset OpenedAt) : ICampaignScoped;

/// <summary>ReferredBy: the member whose share link brought the voter (issue 16's co-promotion), if any.</summary>
public sealed record VoteCast(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, DateTimeOffset CastAt, string? ReferredBy = null) : ICampaignScoped, IHasReceipt
{
    Guid IHasReceipt.ReceiptId => VoteId;
}

/// <summary>The voter took their vote back (and their budget with it).</summary>
public sealed record VoteRetracted(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, DateTimeOffset RetractedAt) : ICampaignScoped;

/// <summary>The vote no longer counts because Moderation banned its voter; the cast stays in the history.</summary>
public sealed record VoteDiscounted(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, [NotMemberWritten("set by the platform (a code or a generated text), not written by a member")] string Reason, DateTimeOffset DiscountedAt) : ICampaignScoped;

/// <summary>The ballot reached milestone <see cref="Index"/> of its ladder; the next window starts now.</summary>
public sealed record MilestoneReached(Guid BallotId, Guid IdeaId, Guid CampaignId, int Index, int Supporters, bool IsFinal, DateTimeOffset ReachedAt) : ICampaignScoped;

/// <summary>The window of milestone <see cref="Index"/> closed before the ballot reached it.</summary>
public sealed record BallotExpired(Guid BallotId, Guid IdeaId, Guid CampaignId, int Index, int Supporters, DateTimeOffset Deadline, DateTimeOffset ExpiredAt) : ICampaignScoped;

public sealed record BallotAuthorsChanged(Guid BallotId, Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Authors, DateTimeOffset ChangedAt) : ICampaignScoped;

/// <summary>Voting stops when the idea leaves Published (withdrawn, hidden, under review) and resumes if it returns.</summary>
public sealed record BallotClosed(Guid BallotId, Guid IdeaId, Guid CampaignId, string IdeaStatus, DateTimeOffset ClosedAt) : ICampaignScoped;

public sealed record BallotReopened(Guid BallotId, Guid IdeaId, Guid CampaignId, DateTimeOffset ReopenedAt) : ICampaignScoped;

/// <summary>The idea's status changed without opening or closing the ballot (under review, selected, hidden after review...): who may see its tally follows it.</summary>
public sealed record BallotIdeaStatusNoted(Guid BallotId, Guid IdeaId, Guid CampaignId, string IdeaStatus, DateTimeOffset NotedAt) : ICampaignScoped;

/// <summary>
/// An idea's ballot: who may not vote (its authors), the tally and the milestone window. Kept as an inline
/// snapshot. Who voted is not here but on each member's <see cref="VoterCard"/>, so a popular ballot stays small.
/// </summary>
public sealed record Ballot(
    Guid Id, Guid IdeaId, Guid CampaignId, string Mode, BallotStatus Status, IReadOnlyList<string> Authors,
    int Supporters, int ScoreTotal, IReadOnlyList<MilestoneRule> Milestones, int NextMilestone, DateTimeOffset WindowStart,
    DateTimeOffset? Deadline, string? IdeaStatus = null)
{
    /// <summary>Whether the idea is public (ballots recorded before the idea's status was kept: while not Closed).</summary>
    public bool IsPublic => IdeaStatus is null ? Status != BallotStatus.Closed : IdeaStatuses.IsPublic(IdeaStatus);

    public MilestoneRule? Next => NextMilestone < Milestones.Count ? Milestones[NextMilestone] : null;

    public static Guid StreamIdFor(Guid ideaId) => StreamIds.Derive("voting-ballot", ideaId);

    public double? AverageScore => Mode == VotingModes.Rating && Supporters > 0 ? Math.Round((double)ScoreTotal / Supporters, 2) : null;

    /// <summary>Milestone i must be reached within its days of publication (i = 0) or of reaching milestone i-1.</summary>
    private static DateTimeOffset? DeadlineOf(IReadOnlyList<MilestoneRule> milestones, int next, DateTimeOffset windowStart) =>
        next < milestones.Count ? windowStart.AddDays(milestones[next].WithinDays) : null;

    public static Ballot Create(BallotOpened e) =>
        new(e.BallotId, e.IdeaId, e.CampaignId, e.Mode, BallotStatus.Open, e.Authors, 0, 0, e.Milestones, 0, e.OpenedAt,
            DeadlineOf(e.Milestones, 0, e.OpenedAt), "Published");

    public Ballot Apply(VoteCast e) => this with { Supporters = Supporters + 1, ScoreTotal = ScoreTotal + (e.Score ?? 0) };

    public Ballot Apply(VoteRetracted e) => this with { Supporters = Supporters - 1, ScoreTotal = ScoreTotal - (e.Score ?? 0) };

    public Ballot Apply(VoteDiscounted e) => this with { Supporters = Supporters - 1, ScoreTotal = ScoreTotal - (e.Score ?? 0) };

    public Ballot Apply(MilestoneReached e) => this with
    {
        NextMilestone = e.Index + 1, WindowStart = e.ReachedAt, Deadline = DeadlineOf(Milestones, e.Index + 1, e.ReachedAt),
        Status = e.IsFinal ? BallotStatus.Completed : Status
    };

    public Ballot Apply(BallotExpired _) => this with { Status = BallotStatus.Expired };

    public Ballot Apply(BallotAuthorsChanged e) => this with { Authors = e.Authors };

    public Ballot Apply(BallotClosed e) => Status == BallotStatus.Open ? this with { Status = BallotStatus.Closed, IdeaStatus = e.IdeaStatus } : this with { IdeaStatus = e.IdeaStatus };

    public Ballot Apply(BallotReopened _) => Status == BallotStatus.Closed ? this with { Status = BallotStatus.Open, IdeaStatus = "Published" } : this with { IdeaStatus = "Published" };

    public Ballot Apply(BallotIdeaStatusNoted e) => this with { IdeaStatus = e.IdeaStatus };

    public Ballot Apply(VoteMovedAway e) => this with { Supporters = Supporters - 1, ScoreTotal = ScoreTotal - (e.Score ?? 0) };

    public Ballot Apply(VoteReleased e) => this with { Supporters = Supporters - 1, ScoreTotal = ScoreTotal - (e.Score ?? 0) };

    public Ballot Apply(VoteReturned e) => this with { Supporters = Supporters - 1, ScoreTotal = ScoreTotal - (e.Score ?? 0) };

    public Ballot Apply(VoteMovedIn e) => this with { Supporters = Supporters + 1, ScoreTotal = ScoreTotal + (e.Score ?? 0) };

    public Ballot Apply(VoteRestored e) => this with { Supporters = Supporters + 1, ScoreTotal = ScoreTotal + (e.Score ?? 0) };

    public Ballot Apply(BallotWindowExtended e) => this with { WindowStart = WindowStart + e.By, Deadline = Deadline + e.By };
}

public static class VotingModes
{
    public const string Support = "support";
    public const string Rating = "rating";
}
