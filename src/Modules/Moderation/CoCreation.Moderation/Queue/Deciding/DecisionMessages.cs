using CoCreation.Moderation.Contracts;

namespace CoCreation.Moderation.Queue.Deciding;

/// <summary>How Ideation learns of a decision: the only way it does.</summary>
public static class DecisionMessages
{
    public static object For(ModerationItem item, ModerationItemDecided decided) => decided.Decision switch
    {
        ModerationDecision.Approve => new SubjectApprovedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.Revision, decided.DecidedBy, decided.DecidedAt),
        ModerationDecision.Reject => new SubjectRejectedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.Revision, decided.ReasonCode!, decided.Note, decided.DecidedBy, decided.DecidedAt),
        _ => new SubjectHiddenIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, decided.ReasonCode!, decided.Note, decided.DecidedBy, decided.DecidedAt, item.Revision)
    };
}
