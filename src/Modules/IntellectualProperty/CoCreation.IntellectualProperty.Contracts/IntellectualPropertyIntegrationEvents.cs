namespace CoCreation.IntellectualProperty.Contracts;

public sealed record ContributionRecordedIntegrationEvent(
    Guid ContributionId, Guid IdeaId, Guid CampaignId, string Contributor, int Revision, string ContentHash, DateTimeOffset RecordedAt);
