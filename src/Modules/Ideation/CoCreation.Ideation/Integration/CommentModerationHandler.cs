using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Moderation.Contracts;
using Marten;

namespace CoCreation.Ideation.Integration;

/// <summary>Comments are post-moderated: Moderation's decisions hide a comment or bring it back.</summary>
public static class CommentModerationHandler
{
    public static async Task Handle(SubjectHiddenIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Comment) return;
        if (await session.LoadAsync<CommentView>(message.SubjectId, token) is not { Hidden: false } comment) return;
        session.Events.Append(comment.Id, new CommentHidden(comment.Id, comment.IdeaId, comment.CampaignId, message.ReasonCode, message.DecidedBy, message.DecidedAt));
    }

    public static async Task Handle(SubjectRejectedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Comment) return;
        if (await session.LoadAsync<CommentView>(message.SubjectId, token) is not { Hidden: false } comment) return;
        session.Events.Append(comment.Id, new CommentHidden(comment.Id, comment.IdeaId, comment.CampaignId, message.ReasonCode, message.DecidedBy, message.DecidedAt));
    }

    public static async Task Handle(SubjectApprovedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Comment) return;
        if (await session.LoadAsync<CommentView>(message.SubjectId, token) is not { Hidden: true } comment) return;
        session.Events.Append(comment.Id, new CommentRestored(comment.Id, comment.IdeaId, comment.CampaignId, message.DecidedBy, message.DecidedAt));
    }
}
