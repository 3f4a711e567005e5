namespace CoCreation.Moderation.Contracts;

public static class SubjectTypes
{
    public const string Idea = "idea";
    public const string Comment = "comment";
}

public sealed record SubjectApprovedIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, int Revision, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record SubjectRejectedIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, int Revision, string ReasonCode, string? Note, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>Revision: the revision the item was about (null when it concerns whatever is public).</summary>
public sealed record SubjectHiddenIntegrationEvent(
    Guid ModerationItemId, string SubjectType, Guid SubjectId, string ReasonCode, string? Note, string DecidedBy, DateTimeOffset DecidedAt,
    int? Revision = null);

/// <summary>A moderator banned a member for abuse: Voting discounts their votes, Ideation hides their pending content.</summary>
public sealed record MemberBannedIntegrationEvent(string MemberId, string Reason, string BannedBy, DateTimeOffset BannedAt);
