using CoCreation.Moderation.Contracts;

namespace CoCreation.Moderation.Queue.Deciding;

/// <summary>How Ideation learns of a decision (the only way it does), and how Insights measures the queue.</summary>
public static class DecisionMessages
{
    public static object For(ModerationItem item, ModerationItemDecided decided) => decided.Decision switch
    {
        ModerationDecision.Approve => new SubjectApprovedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.Revision, decided.DecidedBy, decided.DecidedAt,
            item.CampaignId, QueuedAt(item), item.Appealed),
        ModerationDecision.Reject => new SubjectRejectedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.Revision, decided.ReasonCode!, decided.Note, decided.DecidedBy, decided.DecidedAt,
            item.CampaignId, QueuedAt(item), item.Appealed),
        _ => new SubjectHiddenIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, decided.ReasonCode!, decided.Note, decided.DecidedBy, decided.DecidedAt, item.Revision,
            item.CampaignId, QueuedAt(item), item.Appealed)
    };

    private static DateTimeOffset? QueuedAt(ModerationItem item) => item.QueuedAt == default ? null : item.QueuedAt;
}
