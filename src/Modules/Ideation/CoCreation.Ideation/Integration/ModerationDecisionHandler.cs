using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas;
using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Integration;

/// <summary>Moderation decides; Ideation changes the idea's status and tells the others.</summary>
public static class ModerationDecisionHandler
{
    public static async Task<OutgoingMessages> Handle(SubjectApprovedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Idea) return [];
        var stream = await session.Events.FetchForWriting<Idea>(message.SubjectId, token);
        // A redelivered decision finds the idea already published: nothing to do.
        if (stream.Aggregate is not { Status: IdeaStatus.Submitted } idea) return [];
        stream.AppendOne(new IdeaPublished(idea.Id, idea.CampaignId, message.ModerationItemId, message.DecidedBy, message.DecidedAt));
        return [new IdeaPublishedIntegrationEvent(idea.Id, idea.CampaignId, idea.Authors, message.DecidedAt)];
    }

    public static async Task Handle(SubjectRejectedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Idea) return;
        var stream = await session.Events.FetchForWriting<Idea>(message.SubjectId, token);
        if (stream.Aggregate is not { Status: IdeaStatus.Submitted } idea) return;
        stream.AppendOne(new IdeaRejected(idea.Id, idea.CampaignId, message.ModerationItemId, message.ReasonCode, message.Note, message.DecidedBy, message.DecidedAt));
    }
}
