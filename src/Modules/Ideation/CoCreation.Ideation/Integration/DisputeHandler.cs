using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas;
using CoCreation.IntellectualProperty.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Integration;

/// <summary>
/// An open dispute freezes selection; an upheld one hides the idea. A resolution that overtakes its opening
/// (a retried message) still counts, and the late opening is then ignored.
/// </summary>
public static class DisputeHandler
{
    public static async Task Handle(DisputeOpenedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(message.IdeaId, token);
        if (stream.Aggregate is not { } idea || idea.KnowsDispute(message.DisputeId)) return;
        stream.AppendOne(new IdeaDisputeOpened(idea.Id, idea.CampaignId, message.DisputeId, message.OpenedAt));
    }

    public static async Task<OutgoingMessages> Handle(DisputeResolvedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(message.IdeaId, token);
        if (stream.Aggregate is not { } idea || idea.ResolvedDisputes?.Contains(message.DisputeId) == true) return [];
        stream.AppendOne(new IdeaDisputeClosed(idea.Id, idea.CampaignId, message.DisputeId, message.Outcome, message.ResolvedAt));
        if (message.Outcome != DisputeOutcomes.Upheld || idea.Status is IdeaStatus.Withdrawn) return [];
        // Already hidden (flags, a moderator): the dispute adds its own hold, which no moderator's approval lifts.
        stream.AppendOne(new IdeaHidden(idea.Id, idea.CampaignId, "dispute", "ip-infringement", message.Note, message.ResolvedBy, message.ResolvedAt));
        if (idea.Status == IdeaStatus.Hidden) return [];
        return [IdeaStreams.StatusChanged(idea, IdeaStatus.Hidden, message.Note ?? "Intellectual-property dispute upheld.", message.ResolvedBy, message.ResolvedAt)];
    }
}
