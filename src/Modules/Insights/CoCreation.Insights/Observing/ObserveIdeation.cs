using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine.Attributes;

namespace CoCreation.Insights.Observing;

/// <summary>Notes Ideation's facts: campaigns, submissions, co-authors, statuses, comments.</summary>
[StickyHandler(InsightsModule.Queue)]
public static class ObserveIdeationHandler
{
    public static void Handle(CampaignOpenedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId),
            new CampaignOpenedNoted(m.CampaignId, m.Title, m.Organisation, m.Milestones.Count, m.OpenedAt));

    public static void Handle(CampaignClosedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId), new CampaignClosedNoted(m.CampaignId, m.ClosedAt));

    public static void Handle(IdeaSubmittedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Idea(m.IdeaId),
            new IdeaSubmissionNoted(m.IdeaId, m.CampaignId, m.Revision, m.SubmittedBy, m.Authors, m.Title, m.Description, m.Tags, m.SubmittedAt));

    public static void Handle(IdeaCoAuthorJoinedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Idea(m.IdeaId), new CoAuthorNoted(m.IdeaId, m.CampaignId, m.CoAuthor, m.JoinedAt));

    public static void Handle(IdeaStatusChangedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Idea(m.IdeaId), new IdeaStatusNoted(m.IdeaId, m.CampaignId, m.Status, m.ChangedAt));

    public static void Handle(CommentPostedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Idea(m.IdeaId), new CommentNoted(m.IdeaId, m.CampaignId, m.CommentId, m.PostedBy, m.PostedAt));
}
