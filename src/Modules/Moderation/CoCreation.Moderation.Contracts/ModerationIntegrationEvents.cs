namespace CoCreation.Moderation.Contracts;

public static class SubjectTypes
{
    public const string Idea = "idea";
    public const string Comment = "comment";
}

/// <summary>
/// The decisions below carry, for modules that measure moderation, the campaign, when the item entered the queue
/// (or re-entered it on appeal) and whether the decision was the one on appeal.
/// </summary>
public sealed record SubjectApprovedIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, int Revision, string DecidedBy, DateTimeOffset DecidedAt,
    Guid? CampaignId = null, DateTimeOffset? QueuedAt = null, bool OnAppeal = false);

public sealed record SubjectRejectedIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, int Revision, string ReasonCode, string? Note, string DecidedBy, DateTimeOffset DecidedAt,
    Guid? CampaignId = null, DateTimeOffset? QueuedAt = null, bool OnAppeal = false);

/// <summary>Revision: the revision the item was about (null when it concerns whatever is public).</summary>
public sealed record SubjectHiddenIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, string ReasonCode, string? Note, string DecidedBy, DateTimeOffset DecidedAt,
    int? Revision = null, Guid? CampaignId = null, DateTimeOffset? QueuedAt = null, bool OnAppeal = false);

/// <summary>A member flagged a public idea or comment (the reason stays in Moderation).</summary>
public sealed record SubjectFlaggedIntegrationEvent(string SubjectType, Guid SubjectId, Guid CampaignId, string FlaggedBy, DateTimeOffset FlaggedAt);

/// <summary>An author appealed a rejection or hiding: the item is back in the queue (the statement stays in Moderation).</summary>
public sealed record DecisionAppealedIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, Guid CampaignId, string AppealedBy, DateTimeOffset AppealedAt);

/// <summary>A moderator banned a member for abuse: Voting discounts their votes, Ideation hides their pending content.</summary>
public sealed record MemberBannedIntegrationEvent(string MemberId, string Reason, string BannedBy, DateTimeOffset BannedAt);
