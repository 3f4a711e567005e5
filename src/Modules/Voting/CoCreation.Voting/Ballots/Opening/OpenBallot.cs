using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Campaigns;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Opening;

/// <summary>A published idea gets a ballot.</summary>
public static class OpenBallotHandler
{
    public static async Task<OutgoingMessages> Handle(IdeaPublishedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var ballotId = Ballot.StreamIdFor(message.IdeaId);
        if (await session.Events.FetchStreamStateAsync(ballotId, token) is not null) return [];
        var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(message.CampaignId), token)
                    ?? throw new FactNotYetKnown($"Voting rules of campaign {message.CampaignId} are not known yet; the message will be retried.");
        session.Events.StartStream<Ballot>(ballotId,
            new BallotOpened(ballotId, message.IdeaId, message.CampaignId, rules.Mode, message.Authors, rules.Milestones, message.PublishedAt));
        return [new BallotOpenedIntegrationEvent(message.IdeaId, message.CampaignId, message.PublishedAt)];
    }
}
