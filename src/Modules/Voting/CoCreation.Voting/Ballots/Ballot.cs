using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;

namespace CoCreation.Voting.Ballots;

public enum BallotStatus { Open, Closed }

public sealed record BallotOpened(
    Guid BallotId, Guid IdeaId, Guid CampaignId, string Mode, IReadOnlyList<string> Authors,
    IReadOnlyList<MilestoneRule> Milestones, DateTimeOffset OpenedAt) : ICampaignScoped;

/// <summary>The ballot reached milestone <see cref="Index"/> of its ladder; the next window starts now.</summary>
public sealed record MilestoneReached(Guid BallotId, Guid IdeaId, Guid CampaignId, int Index, int Supporters, bool IsFinal, DateTimeOffset ReachedAt) : ICampaignScoped;

public sealed record VoteCast(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, DateTimeOffset CastAt) : ICampaignScoped;

public sealed record BallotAuthorsChanged(Guid BallotId, Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Authors, DateTimeOffset ChangedAt) : ICampaignScoped;

/// <summary>Voting stops when the idea leaves Published (withdrawn, hidden, expired, under review) and resumes if it returns.</summary>
public sealed record BallotClosed(Guid BallotId, Guid IdeaId, Guid CampaignId, string IdeaStatus, DateTimeOffset ClosedAt) : ICampaignScoped;

public sealed record BallotReopened(Guid BallotId, Guid IdeaId, Guid CampaignId, DateTimeOffset ReopenedAt) : ICampaignScoped;

/// <summary>An idea's ballot: who may vote, who has, and the tally. Kept as an inline snapshot.</summary>
public sealed record Ballot(
    Guid Id, Guid IdeaId, Guid CampaignId, string Mode, BallotStatus Status, IReadOnlyList<string> Authors,
    IReadOnlyList<string> Voters, int Supporters, int ScoreTotal,
    IReadOnlyList<MilestoneRule> Milestones, int NextMilestone, DateTimeOffset WindowStart)
{
    public MilestoneRule? Next => NextMilestone < Milestones.Count ? Milestones[NextMilestone] : null;

    /// <summary>Milestone i must be reached within its days of publication (i = 0) or of reaching milestone i-1.</summary>
    public DateTimeOffset? Deadline => Next is { } next ? WindowStart.AddDays(next.WithinDays) : null;

    public static Guid StreamIdFor(Guid ideaId) => StreamIds.Derive("voting-ballot", ideaId);

    public double? AverageScore => Mode == "rating" && Supporters > 0 ? Math.Round((double)ScoreTotal / Supporters, 2) : null;

    public static Ballot Create(BallotOpened e) =>
        new(e.BallotId, e.IdeaId, e.CampaignId, e.Mode, BallotStatus.Open, e.Authors, [], 0, 0, e.Milestones, 0, e.OpenedAt);

    public Ballot Apply(MilestoneReached e) => this with
    {
        NextMilestone = e.Index + 1, WindowStart = e.ReachedAt, Status = e.IsFinal ? BallotStatus.Closed : Status
    };

    public Ballot Apply(BallotAuthorsChanged e) => this with { Authors = e.Authors };

    public Ballot Apply(BallotClosed _) => this with { Status = BallotStatus.Closed };

    public Ballot Apply(BallotReopened _) => this with { Status = BallotStatus.Open };

    public Ballot Apply(VoteCast e) =>
        this with { Voters = [.. Voters, e.Voter], Supporters = Supporters + 1, ScoreTotal = ScoreTotal + (e.Score ?? 0) };
}
