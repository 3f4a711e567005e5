using CoCreation.BuildingBlocks.Metadata;

namespace CoCreation.Moderation.Queue;

public enum ModerationDecision { Approve, Reject, Hide }

public enum ModerationItemStatus { Pending, Approved, Rejected, Hidden }

public sealed record ScreeningFinding(string Kind, string Detail);

public sealed record ModerationItemQueued(
    Guid ItemId, Guid CampaignId, string SubjectType, Guid SubjectId, int Revision, string Author,
    string Reason, IReadOnlyList<ScreeningFinding> Screening, DateTimeOffset QueuedAt) : ICampaignScoped;

public sealed record ModerationItemDecided(
    Guid ItemId, Guid CampaignId, ModerationDecision Decision, string? ReasonCode, string? Note,
    string DecidedBy, DateTimeOffset DecidedAt) : ICampaignScoped;

/// <summary>The queue item's write model.</summary>
public sealed record ModerationItem(
    Guid Id, Guid CampaignId, string SubjectType, Guid SubjectId, int Revision, ModerationItemStatus Status)
{
    public static ModerationItem Create(ModerationItemQueued e) =>
        new(e.ItemId, e.CampaignId, e.SubjectType, e.SubjectId, e.Revision, ModerationItemStatus.Pending);

    public ModerationItem Apply(ModerationItemDecided e) => this with
    {
        Status = e.Decision switch
        {
            ModerationDecision.Approve => ModerationItemStatus.Approved,
            ModerationDecision.Reject => ModerationItemStatus.Rejected,
            _ => ModerationItemStatus.Hidden
        }
    };
}
