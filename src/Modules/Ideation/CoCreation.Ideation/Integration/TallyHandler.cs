using CoCreation.Ideation.Ideas;
using CoCreation.Voting.Contracts;
using Marten;

namespace CoCreation.Ideation.Integration;

/// <summary>Keeps the idea's supporter count, as Voting reports it, on Ideation's own stream.</summary>
public static class TallyHandler
{
    public static async Task Handle(VotesRecordedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        foreach (var tally in message.Tallies)
            await Count(session, tally.IdeaId, message.CampaignId, tally.Supporters, tally.TallyVersion, message.RecordedAt, token);
    }

    private static async Task Count(IDocumentSession session, Guid ideaId, Guid campaignId, int supporters, long tallyVersion, DateTimeOffset at, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(ideaId, token);
        // A count older than the one already kept (a late or redelivered message) changes nothing.
        if (stream.Aggregate is not { } idea || tallyVersion <= idea.TallyVersion) return;
        stream.AppendOne(new IdeaSupportersCounted(ideaId, campaignId, supporters, tallyVersion, at));
    }
}
