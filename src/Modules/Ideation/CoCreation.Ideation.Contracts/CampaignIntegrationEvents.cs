namespace CoCreation.Ideation.Contracts;

public sealed record MilestoneRule(int Supporters, int WithinDays);

public sealed record PrizeRule(decimal Amount, string Currency);

public sealed record RewardRules(
    int PointsForPublishedIdea,
    int PointsForVote,
    int PointsForMilestone,
    int PointsForSelection,
    PrizeRule? Prize,
    decimal? RoyaltyPercent,
    int PointsForReferral = 0);

/// <summary>The brand's pledge: Amount to Cause per distinct supporter ("supporter") or per selected idea ("selectedIdea"), Cap in all.</summary>
public sealed record DonationPledge(string Cause, string Per, decimal Amount, string Currency, decimal Cap);

/// <summary>
/// A campaign opened: its rules are fixed from now on, and each module keeps the part it needs. Organisation runs it
/// (its brand members decide, read its votes and sales). SubmissionsUntil and VotingUntil are its phases' ends, if set;
/// HideTalliesUntilVoted keeps supporter counts from those who have not voted for the idea until voting ends.
/// </summary>
public sealed record CampaignOpenedIntegrationEvent(
    Guid CampaignId,
    string Title,
    string VotingMode,
    int? BudgetPerMember,
    IReadOnlyList<MilestoneRule> Milestones,
    int FlagsToHide,
    RewardRules Rewards,
    DateTimeOffset OpenedAt,
    IReadOnlyList<string>? BannedTerms = null,
    string? Organisation = null,
    DateTimeOffset? SubmissionsUntil = null,
    DateTimeOffset? VotingUntil = null,
    bool HideTalliesUntilVoted = false,
    DonationPledge? Donation = null);

public sealed record CampaignClosedIntegrationEvent(Guid CampaignId, DateTimeOffset ClosedAt);
