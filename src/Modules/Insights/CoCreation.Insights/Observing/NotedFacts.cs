using CoCreation.BuildingBlocks.Privacy;

namespace CoCreation.Insights.Observing;

// What Insights notes of the other modules' contract messages, as its own events, so its figures rebuild from
// the log (`projections rebuild`) like every read model. Facts about an idea go to the idea's Insights stream,
// the rest to the campaign's (InsightStreams). Past tense, like every event: "noted" is what Insights did.

public sealed record CampaignOpenedNoted(
    Guid CampaignId, [NotMemberWritten("the brand's campaign title, written by staff in their role")] string Title,
    string? Organisation, int Milestones, DateTimeOffset OpenedAt);

public sealed record CampaignClosedNoted(Guid CampaignId, DateTimeOffset ClosedAt);

/// <summary>A submission or a revision, with the words the themes are read from (masked when the author is erased).</summary>
public sealed record IdeaSubmissionNoted(
    Guid IdeaId, Guid CampaignId, int Revision, string SubmittedBy, IReadOnlyList<string> Authors,
    string Title, string Description, IReadOnlyList<string> Tags, DateTimeOffset SubmittedAt);

public sealed record CoAuthorNoted(Guid IdeaId, Guid CampaignId, string CoAuthor, DateTimeOffset JoinedAt);

/// <summary>Status: the idea's public status as Ideation names it (Published, UnderReview, Selected, Expired...).</summary>
public sealed record IdeaStatusNoted(Guid IdeaId, Guid CampaignId, string Status, DateTimeOffset At);

public sealed record IdeaMilestoneNoted(Guid IdeaId, Guid CampaignId, int MilestoneIndex, bool IsFinal, int Supporters, DateTimeOffset ReachedAt);

public sealed record CommentNoted(Guid IdeaId, Guid CampaignId, Guid CommentId, string PostedBy, DateTimeOffset PostedAt);

/// <summary>One vote's change as Insights keeps it (Action: Cast, Retracted or Discounted).</summary>
public sealed record NotedVote(Guid VoteId, string Action, DateTimeOffset At);

/// <summary>One voter's votes on one idea in one Voting message, and the idea's supporters after them.</summary>
public sealed record VotesNoted(Guid IdeaId, Guid CampaignId, string Voter, IReadOnlyList<NotedVote> Votes, int Supporters, long TallyVersion);

public sealed record FlagNoted(Guid CampaignId, string SubjectType, Guid SubjectId, string FlaggedBy, DateTimeOffset FlaggedAt);

/// <summary>
/// A moderator's decision (Approve, Reject, Hide): when the item entered the queue, when it was decided, the reason code,
/// and whether it was the decision on an appeal.
/// </summary>
public sealed record ModerationDecisionNoted(
    Guid ItemId, Guid CampaignId, string SubjectType, Guid SubjectId, string Decision, string? ReasonCode,
    DateTimeOffset? QueuedAt, DateTimeOffset DecidedAt, bool OnAppeal);

public sealed record AppealNoted(Guid ItemId, Guid CampaignId, string SubjectType, Guid SubjectId, DateTimeOffset AppealedAt);

public sealed record PointsNoted(Guid CampaignId, string MemberId, int Points, DateTimeOffset GrantedAt);

/// <summary>Kind: prize or royalty.</summary>
public sealed record MoneyNoted(Guid CampaignId, Guid IdeaId, string MemberId, string Kind, decimal Amount, string Currency, DateTimeOffset CreditedAt);

/// <summary>A campaign's pledge accrued Amount (Rewards' DonationAccruedIntegrationEvent, docs/adr/0035).</summary>
public sealed record DonationNoted(Guid CampaignId, decimal Amount, string Currency, DateTimeOffset At);
