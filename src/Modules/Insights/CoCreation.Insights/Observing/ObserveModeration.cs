using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine.Attributes;

namespace CoCreation.Insights.Observing;

/// <summary>
/// Notes Moderation's facts: flags, appeals, and moderators' decisions with their queue times. A hiding by the
/// community's flags (decided by "community") is no moderator's decision: its flags are counted instead.
/// Decisions from before Moderation told the campaign are not noted.
/// </summary>
[StickyHandler(InsightsModule.Queue)]
public static class ObserveModerationHandler
{
    public const string Community = "community";

    public static void Handle(SubjectFlaggedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId), new FlagNoted(m.CampaignId, m.SubjectType, m.SubjectId, m.FlaggedBy, m.FlaggedAt));

    public static void Handle(DecisionAppealedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId), new AppealNoted(m.ModerationItemId, m.CampaignId, m.SubjectType, m.SubjectId, m.AppealedAt));

    public static void Handle(SubjectApprovedIntegrationEvent m, IDocumentSession session) =>
        Note(session, m.CampaignId, new(m.ModerationItemId, default, m.SubjectType, m.SubjectId, "Approve", null, m.QueuedAt, m.DecidedAt, m.OnAppeal), m.DecidedBy);

    public static void Handle(SubjectRejectedIntegrationEvent m, IDocumentSession session) =>
        Note(session, m.CampaignId, new(m.ModerationItemId, default, m.SubjectType, m.SubjectId, "Reject", m.ReasonCode, m.QueuedAt, m.DecidedAt, m.OnAppeal), m.DecidedBy);

    public static void Handle(SubjectHiddenIntegrationEvent m, IDocumentSession session) =>
        Note(session, m.CampaignId, new(m.ModerationItemId, default, m.SubjectType, m.SubjectId, "Hide", m.ReasonCode, m.QueuedAt, m.DecidedAt, m.OnAppeal), m.DecidedBy);

    private static void Note(IDocumentSession session, Guid? campaignId, ModerationDecisionNoted decision, string decidedBy)
    {
        if (campaignId is not { } campaign || decidedBy == Community) return;
        session.Events.Append(InsightStreams.Campaign(campaign), decision with { CampaignId = campaign });
    }
}
