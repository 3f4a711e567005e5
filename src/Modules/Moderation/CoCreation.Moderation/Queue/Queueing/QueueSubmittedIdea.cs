using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Contracts;
using Marten;

namespace CoCreation.Moderation.Queue.Queueing;

/// <summary>Every new idea and revision waits in the queue for a moderator (pre-moderation).</summary>
public static class QueueSubmittedIdeaHandler
{
    public static Guid ItemIdFor(Guid ideaId, int revision) => StreamIds.Derive("moderation-item", $"{ideaId}/{revision}");

    public static async Task Handle(IdeaSubmittedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var itemId = ItemIdFor(message.IdeaId, message.Revision);
        // Redelivery of the same submission finds the item already queued.
        if (await session.Events.FetchStreamStateAsync(itemId, token) is not null) return;
        var reason = message.Revision == 1 ? "new-idea" : "revised-idea";
        session.Events.StartStream<ModerationItem>(itemId, new ModerationItemQueued(itemId, message.CampaignId, SubjectTypes.Idea,
            message.IdeaId, message.Revision, message.SubmittedBy, reason, [], clock.GetUtcNow()));
    }
}
