using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas;
using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Integration;

/// <summary>
/// Moderation decides; Ideation changes the idea's status and tells the others. A decision about an older
/// revision, one about another item than the one that hid the idea, or one redelivered after it took effect,
/// changes nothing.
/// </summary>
public static class ModerationDecisionHandler
{
    private static readonly IdeaStatus[] Hideable =
    [
        IdeaStatus.Submitted, IdeaStatus.Published, IdeaStatus.UnderReview, IdeaStatus.Selected, IdeaStatus.NotSelected,
        IdeaStatus.InProduction, IdeaStatus.Launched, IdeaStatus.Expired, IdeaStatus.Hidden
    ];

    public static async Task<OutgoingMessages> Handle(SubjectApprovedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        if (message.SubjectType != SubjectTypes.Idea) return [];
        var stream = await session.Events.FetchForWriting<Idea>(message.SubjectId, token);
        if (stream.Aggregate is not { } idea) return [];

        // Pending this revision, or rejected then approved on appeal: it goes public.
        if (idea.Status is IdeaStatus.Submitted or IdeaStatus.Rejected && idea.Revision == message.Revision)
            return Publish(stream, idea, message);

        // Hidden by this very item (flags, a moderator's Hide, appealed): that hold is lifted.
        if (!idea.HiddenByItem(message.ModerationItemId)) return [];
        var restored = idea.AfterLifting(message.ModerationItemId);
        if (restored == IdeaStatus.Submitted)
        {
            stream.AppendOne(new IdeaHideLifted(idea.Id, idea.CampaignId, message.ModerationItemId, IdeaStatus.Submitted, message.DecidedBy, message.DecidedAt));
            return Publish(stream, idea with { Status = IdeaStatus.Submitted }, message);
        }
        stream.AppendOne(new IdeaHideLifted(idea.Id, idea.CampaignId, message.ModerationItemId, restored, message.DecidedBy, message.DecidedAt));
        return restored == IdeaStatus.Hidden ? [] : [IdeaStreams.StatusChanged(idea, restored, "Cleared by moderation.", message.DecidedBy, message.DecidedAt)];
    }

    private static OutgoingMessages Publish(JasperFx.Events.IEventStream<Idea> stream, Idea idea, SubjectApprovedIntegrationEvent message)
    {
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
        if (stream.Aggregate is not { } idea || !Hideable.Contains(idea.Status)) return [];
        // A decision on an older revision's item does not hide a newer pending revision; a redelivery adds no second hold.
        if (idea.Status == IdeaStatus.Submitted && message.Revision is { } revision && revision != idea.Revision) return [];
        if (idea.Holds?.Any(h => h.ModerationItemId == message.ModerationItemId) == true) return [];
        stream.AppendOne(new IdeaHidden(idea.Id, idea.CampaignId, "moderation", message.ReasonCode, message.Note, message.DecidedBy, message.DecidedAt,
            message.ModerationItemId));
        return idea.Status == IdeaStatus.Hidden ? []
            : [IdeaStreams.StatusChanged(idea, IdeaStatus.Hidden, message.Note ?? message.ReasonCode, message.DecidedBy, message.DecidedAt)];
    }
}
