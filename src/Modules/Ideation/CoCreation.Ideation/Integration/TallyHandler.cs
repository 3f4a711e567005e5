using CoCreation.Ideation.Ideas;
using CoCreation.Voting.Contracts;
using Marten;

namespace CoCreation.Ideation.Integration;

/// <summary>Keeps the idea's supporter count, as Voting reports it, on Ideation's own stream.</summary>
public static class TallyHandler
{
    public static Task Handle(VoteCastIntegrationEvent message, IDocumentSession session, CancellationToken token) =>
        Count(session, message.IdeaId, message.CampaignId, message.Supporters, message.CastAt, token);

    public static Task Handle(VoteRetractedIntegrationEvent message, IDocumentSession session, CancellationToken token) =>
        Count(session, message.IdeaId, message.CampaignId, message.Supporters, message.RetractedAt, token);

    private static async Task Count(IDocumentSession session, Guid ideaId, Guid campaignId, int supporters, DateTimeOffset at, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(ideaId, token);
        if (stream.Aggregate is null) return;
        stream.AppendOne(new IdeaSupportersCounted(ideaId, campaignId, supporters, at));
    }
}
