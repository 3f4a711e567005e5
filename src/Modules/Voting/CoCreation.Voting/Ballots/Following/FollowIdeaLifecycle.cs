using CoCreation.Ideation.Contracts;
using Marten;

namespace CoCreation.Voting.Ballots.Following;

/// <summary>Keeps the ballot in step with the idea: who its authors are, and whether it is open for votes.</summary>
public static class FollowIdeaLifecycleHandler
{
    public static async Task Handle(IdeaCoAuthorJoinedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } ballot || ballot.Authors.SequenceEqual(message.Authors)) return;
        stream.AppendOne(new BallotAuthorsChanged(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.Authors, clock.GetUtcNow()));
    }

    public static async Task Handle(IdeaStatusChangedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } ballot) return;
        var published = message.Status == "Published";
        if (published && ballot.Status == BallotStatus.Closed)
            stream.AppendOne(new BallotReopened(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.ChangedAt));
        else if (!published && ballot.Status == BallotStatus.Open)
            stream.AppendOne(new BallotClosed(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.Status, message.ChangedAt));
    }
}
