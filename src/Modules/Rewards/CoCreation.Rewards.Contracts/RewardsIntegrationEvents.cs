namespace CoCreation.Rewards.Contracts;

public sealed record PointsGrantedIntegrationEvent(
    string MemberId, Guid CampaignId, int Points, string Reason, string CauseId, DateTimeOffset GrantedAt);

/// <summary>Money credited to a member: their part of a prize (Kind "prize") or of a period's royalty (Kind "royalty").</summary>
public sealed record MoneyCreditedIntegrationEvent(
    string MemberId, Guid CampaignId, Guid IdeaId, string Kind, decimal Amount, string Currency, string? Period, DateTimeOffset CreditedAt);

/// <summary>A campaign's pledge accrued: Raised is the total so far (never above the cap), for Insights' impact figures.</summary>
public sealed record DonationAccruedIntegrationEvent(Guid CampaignId, string Cause, decimal Amount, decimal Raised, string Currency, bool CapReached, DateTimeOffset At);
