namespace CoCreation.Insights.Contracts;

/// <summary>
/// A campaign's key figures of co-creation (GET /api/campaigns/{id}/insights): engagement, loyalty, the innovation
/// funnel, moderation health, concentration of voices, impact and themes. From and To are the UTC days of the period
/// (both included); without them the figures cover the whole campaign.
/// </summary>
public sealed record CampaignInsights(
    Guid CampaignId, string Title, DateOnly? From, DateOnly? To,
    Engagement Engagement, IReadOnlyList<EngagementPoint> Daily, IReadOnlyList<EngagementPoint> Weekly,
    Loyalty Loyalty, IReadOnlyList<FunnelStage> Funnel, FunnelExits Exits, ModerationHealth Moderation,
    Concentration Concentration, Impact Impact, Themes Themes);

/// <summary>ActiveMembers: distinct members who did anything (submitted, co-authored, commented, voted, flagged); NewMembers: active here for the first time on the platform.</summary>
public sealed record Engagement(
    int IdeasSubmitted, int IdeasPublished, int Revisions, int Comments, int VotesCast, int VotesRetracted, int VotesDiscounted,
    int Flags, int ActiveMembers, int NewMembers);

/// <summary>One day ("2026-11-24") or ISO week ("2026-W48") of engagement; Start is its first day.</summary>
public sealed record EngagementPoint(
    string Period, DateOnly Start, int IdeasSubmitted, int IdeasPublished, int Comments, int VotesCast, int VotesRetracted, int Flags,
    int ActiveMembers, int NewMembers);

/// <summary>
/// Returning: members active in two or more ISO weeks of the campaign or also active in another campaign.
/// ShareOfActivityFromPriorMembers: the part of the period's actions made by members who had been active on the platform on an earlier day.
/// </summary>
public sealed record Loyalty(
    int ActiveMembers, int ReturningMembers, int ActiveInSeveralWeeks, int ActiveInSeveralCampaigns,
    double ShareOfActivityFromPriorMembers, IReadOnlyList<WeeklyRetention> Retention);

/// <summary>Of the members active in the week before Week, how many were active again in Week.</summary>
public sealed record WeeklyRetention(string Week, int ActiveWeekBefore, int Retained, double Rate);

/// <summary>
/// Ideas of the period's cohort (submitted in it) that reached Stage; Conversion: the share of the previous stage's
/// count; MedianDaysFromPrevious: between reaching the previous stage and this one.
/// </summary>
public sealed record FunnelStage(string Stage, int Count, double? Conversion, double? MedianDaysFromPrevious);

public sealed record ReasonCount(string Reason, int Count);

/// <summary>Ideas of the cohort that left the funnel: expired (by the milestone they missed), rejected (by reason code), not selected, withdrawn.</summary>
public sealed record FunnelExits(int Expired, IReadOnlyList<ReasonCount> ExpiredAt, int Rejected, IReadOnlyList<ReasonCount> RejectedFor, int NotSelected, int Withdrawn);

/// <summary>Moderators' decisions of the period, their queue waiting times in seconds, and appeals (Upheld: the decision stood; Overturned: approved on appeal).</summary>
public sealed record ModerationHealth(
    int Decisions, double? QueueWaitP50Seconds, double? QueueWaitP95Seconds, IReadOnlyList<ReasonCount> ByDecision,
    IReadOnlyList<ReasonCount> ByReason, int Flags, double? FlagsPer100Ideas, Appeals Appeals);

public sealed record Appeals(int Filed, int Upheld, int Overturned, int Pending);

/// <summary>
/// Whether a few voices dominate: the shares of ideas and of votes cast that come from the most active 1% and 10%
/// of the period's active members (at least one member each), and the Gini coefficient of their actions (0: all
/// equally active; towards 1: one member does everything).
/// </summary>
public sealed record Concentration(
    int Members, double IdeasFromTop1Percent, double IdeasFromTop10Percent, double VotesFromTop1Percent, double VotesFromTop10Percent, double ActivityGini);

/// <summary>
/// SupportersReached: distinct members who cast a vote; Support: the supporters the campaign's public ideas hold now;
/// Rewards: prizes and royalties credited, by kind and currency; FundsRaised: for a cause a campaign pledges to (none yet).
/// </summary>
public sealed record Impact(int SupportersReached, int Support, long PointsGranted, IReadOnlyList<MoneyTotal> Rewards, IReadOnlyList<MoneyTotal> FundsRaised);

public sealed record MoneyTotal(string Kind, string Currency, decimal Amount);

/// <summary>What the community asks for: the commonest tags and terms of the public ideas, and groups of similar ideas.</summary>
public sealed record Themes(IReadOnlyList<TermCount> Tags, IReadOnlyList<TermCount> Terms, IReadOnlyList<SimilarIdeas> Groups);

/// <summary>Count: the ideas that use the term or tag.</summary>
public sealed record TermCount(string Term, int Count);

public sealed record SimilarIdeas(IReadOnlyList<ThemeIdea> Ideas, IReadOnlyList<string> SharedTerms);

public sealed record ThemeIdea(Guid IdeaId, string Title);

/// <summary>The platform's figures (GET /api/insights, admins): every campaign together, and each one's headline.</summary>
public sealed record PlatformInsights(int Campaigns, Engagement Engagement, Concentration Concentration, IReadOnlyList<CampaignHeadline> ByCampaign);

public sealed record CampaignHeadline(Guid CampaignId, string Title, string? Organisation, int IdeasSubmitted, int IdeasPublished, int VotesCast, int ActiveMembers);
