namespace CoCreation.IntellectualProperty.Contracts;

public sealed record ContributionRecordedIntegrationEvent(
    Guid ContributionId, Guid IdeaId, Guid CampaignId, string Contributor, int Revision, string ContentHash, DateTimeOffset RecordedAt);

/// <summary>A contribution agreement version was published; the newest is the current one.</summary>
public sealed record AgreementPublishedIntegrationEvent(string Version, string TextHash, DateTimeOffset PublishedAt);

/// <summary>A member accepted an agreement version.</summary>
public sealed record AgreementAcceptedIntegrationEvent(string MemberId, string Version, string TextHash, DateTimeOffset AcceptedAt);

/// <summary>A dispute was opened on an idea: while any is open, the idea cannot be selected.</summary>
public sealed record DisputeOpenedIntegrationEvent(Guid DisputeId, Guid IdeaId, string ClaimedBy, DateTimeOffset OpenedAt);

/// <summary>Legal resolved a dispute; Upheld hides the idea.</summary>
public sealed record DisputeResolvedIntegrationEvent(
    Guid DisputeId, Guid IdeaId, string Outcome, string? Note, string ResolvedBy, DateTimeOffset ResolvedAt);

public static class DisputeOutcomes
{
    public const string Upheld = "Upheld";
    public const string Dismissed = "Dismissed";
}
