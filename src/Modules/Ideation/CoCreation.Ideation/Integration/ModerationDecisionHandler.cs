using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas;
using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Integration;

/// <summary>
/// Moderation decides; Ideation changes the idea's status and tells the others. A decision about an older
/// revision, or one redelivered after it took effect, finds the idea in another state and changes nothing.
/// </summary>
public static class ModerationDecisionHandler
{
    public static async Task<OutgoingMessages> Handle(SubjectApprovedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Idea) return [];
        var stream = await session.Events.FetchForWriting<Idea>(message.SubjectId, token);
        if (stream.Aggregate is not { } idea) return [];
        // Pending this revision, rejected then approved on appeal, or hidden then cleared by a moderator.
        var thisRevision = idea.Status is IdeaStatus.Submitted or IdeaStatus.Rejected && idea.Revision == message.Revision;
        if (!thisRevision && idea.Status != IdeaStatus.Hidden) return [];
        stream.AppendOne(new IdeaPublished(idea.Id, idea.CampaignId, message.ModerationItemId, message.DecidedBy, message.DecidedAt));
        return
        [
            new IdeaPublishedIntegrationEvent(idea.Id, idea.CampaignId, idea.Authors, message.DecidedAt),
            IdeaStreams.StatusChanged(idea, IdeaStatus.Published, null, message.DecidedBy, message.DecidedAt)
        ];
    }

    public static async Task<OutgoingMessages> Handle(SubjectRejectedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Idea) return [];
        var stream = await session.Events.FetchForWriting<Idea>(message.SubjectId, token);
        if (stream.Aggregate is not { Status: IdeaStatus.Submitted } idea || idea.Revision != message.Revision) return [];
        stream.AppendOne(new IdeaRejected(idea.Id, idea.CampaignId, message.ModerationItemId, message.ReasonCode, message.Note, message.DecidedBy, message.DecidedAt));
        return [IdeaStreams.StatusChanged(idea, IdeaStatus.Rejected, message.Note ?? message.ReasonCode, message.DecidedBy, message.DecidedAt)];
    }

    public static async Task<OutgoingMessages> Handle(SubjectHiddenIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Idea) return [];
        var stream = await session.Events.FetchForWriting<Idea>(message.SubjectId, token);
        if (stream.Aggregate is not { Status: IdeaStatus.Submitted or IdeaStatus.Published or IdeaStatus.UnderReview } idea) return [];
        stream.AppendOne(new IdeaHidden(idea.Id, idea.CampaignId, "moderation", message.ReasonCode, message.Note, message.DecidedBy, message.DecidedAt));
        return [IdeaStreams.StatusChanged(idea, IdeaStatus.Hidden, message.Note ?? message.ReasonCode, message.DecidedBy, message.DecidedAt)];
    }
}
