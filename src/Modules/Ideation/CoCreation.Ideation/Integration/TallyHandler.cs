using CoCreation.Ideation.Ideas;
using CoCreation.Voting.Contracts;
using Marten;

namespace CoCreation.Ideation.Integration;

/// <summary>Keeps the idea's supporter count, as Voting reports it, on Ideation's own stream.</summary>
public static class TallyHandler
{
    public static async Task Handle(VotesRecordedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var batch = session.CreateBatchQuery();
        var fetches = message.Tallies.Select(t => (Tally: t, Stream: batch.Events.FetchForWriting<Idea>(t.IdeaId))).ToList();
        await batch.Execute(token);
        foreach (var (tally, fetch) in fetches)
        {
            var stream = await fetch;
            // A count older than the one already kept (a late or redelivered message) changes nothing.
            if (stream.Aggregate is not { } idea || tally.TallyVersion <= idea.TallyVersion) continue;
            stream.AppendOne(new IdeaSupportersCounted(tally.IdeaId, message.CampaignId, tally.Supporters, tally.TallyVersion, message.RecordedAt));
        }
    }
}
