namespace CoCreation.Rewards.Contracts;

public sealed record PointsGrantedIntegrationEvent(
    string MemberId, Guid CampaignId, int Points, string Reason, string CauseId, DateTimeOffset GrantedAt);
