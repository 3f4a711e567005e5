using CoCreation.IntellectualProperty.Contracts;
using Marten;

namespace CoCreation.Rewards.Ideas;

/// <summary>Keeps the split IntellectualProperty sent; a report older than the one kept changes nothing.</summary>
public static class FollowOwnershipHandler
{
    public static async Task Handle(OwnershipSharesChangedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<IdeaRewardTerms>(IdeaRewardTerms.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is { } terms && message.Version <= terms.OwnershipVersion) return;
        stream.AppendOne(new IdeaOwnershipNoted(stream.Id, message.IdeaId, message.CampaignId, message.Shares, message.Basis, message.Version, message.ChangedAt));
    }
}
