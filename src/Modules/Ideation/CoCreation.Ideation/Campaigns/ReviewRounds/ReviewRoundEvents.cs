using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Ideation.Ideas.Deciding;

namespace CoCreation.Ideation.Campaigns.ReviewRounds;

/// <summary>On the campaign's stream: the brand opened review round Number with every idea then waiting for review.</summary>
public sealed record ReviewRoundOpened(Guid CampaignId, Guid RoundId, int Number, IReadOnlyList<Guid> IdeaIds, string OpenedBy, DateTimeOffset OpenedAt) : ICampaignScoped;

/// <summary>
/// On the campaign's stream: the brand's decision on one idea of the open round. It stays the brand's own until the round
/// closes (a later one replaces it); the idea's status does not change yet.
/// </summary>
public sealed record ReviewRoundIdeaDecided(
    Guid CampaignId, Guid RoundId, Guid IdeaId, DecisionOutcome Outcome,
    [NotMemberWritten("the brand's decision note, written by staff in their brand role")] string? Note,
    string DecidedBy, DateTimeOffset DecidedAt) : ICampaignScoped;

/// <summary>
/// Outcome: Selected or NotSelected; for an idea that left the round before it closed (hidden, withdrawn, merged), the
/// status it left with, and no note.
/// </summary>
public sealed record RoundResult(
    Guid IdeaId,
    [NotMemberWritten("an outcome or a status name set by the platform")] string Outcome,
    [NotMemberWritten("the brand's decision note, written by staff in their brand role")] string? Note);

/// <summary>On the campaign's stream: the round closed and its results were published on every idea's timeline.</summary>
public sealed record ReviewRoundClosed(Guid CampaignId, Guid RoundId, int Number, IReadOnlyList<RoundResult> Results, string ClosedBy, DateTimeOffset ClosedAt) : ICampaignScoped;

/// <summary>On the idea's stream: it is one of the ideas of review round Number (its timeline says so).</summary>
public sealed record IdeaEnteredReviewRound(Guid IdeaId, Guid CampaignId, Guid RoundId, int Number, string OpenedBy, DateTimeOffset EnteredAt) : ICampaignScoped;

public sealed record RoundDecision(DecisionOutcome Outcome, string? Note, string By, DateTimeOffset At);

/// <summary>The open round as the campaign's write model holds it: its ideas and the brand's decisions so far.</summary>
public sealed record RoundInProgress(Guid Id, int Number, IReadOnlyList<Guid> Ideas, IReadOnlyDictionary<Guid, RoundDecision> Decisions)
{
    public RoundInProgress With(ReviewRoundIdeaDecided e) =>
        this with { Decisions = new Dictionary<Guid, RoundDecision>(Decisions) { [e.IdeaId] = new(e.Outcome, e.Note, e.DecidedBy, e.DecidedAt) } };
}
