using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Integration;

/// <summary>Voting's milestones and deadlines drive the idea to review or to expiry.</summary>
public static class VotingProgressHandler
{
    public const string VotingActor = "voting";

    public static async Task<OutgoingMessages> Handle(MilestoneReachedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(message.IdeaId, token);
        if (stream.Aggregate is not { Status: IdeaStatus.Published } idea) return [];
        stream.AppendOne(new IdeaMilestoneReached(idea.Id, idea.CampaignId, message.MilestoneIndex, message.Supporters, message.ReachedAt));
        if (!message.IsFinal) return [];
        stream.AppendOne(new IdeaMovedToReview(idea.Id, idea.CampaignId, message.Supporters, message.ReachedAt));
        return [IdeaStreams.StatusChanged(idea, IdeaStatus.UnderReview, $"{message.Supporters} supporters: the brand reviews it now.", VotingActor, message.ReachedAt)];
    }

    public static async Task<OutgoingMessages> Handle(IdeaExpiredIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(message.IdeaId, token);
        if (stream.Aggregate is not { Status: IdeaStatus.Published } idea) return [];
        stream.AppendOne(new IdeaExpired(idea.Id, idea.CampaignId, message.MilestoneIndex, message.Supporters, message.Deadline, message.ExpiredAt));
        return [IdeaStreams.StatusChanged(idea, IdeaStatus.Expired, $"Missed milestone {message.MilestoneIndex + 1} with {message.Supporters} supporters.", VotingActor, message.ExpiredAt)];
    }
}
