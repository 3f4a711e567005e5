using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots.Windows;
using CoCreation.Voting.Campaigns;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Opening;

/// <summary>A published idea gets a ballot, and the first milestone's window starts.</summary>
public static class OpenBallotHandler
{
    public static async Task<OutgoingMessages> Handle(IdeaPublishedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var ballotId = Ballot.StreamIdFor(message.IdeaId);
        if (await session.Events.FetchStreamStateAsync(ballotId, token) is not null) return [];
        var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(message.CampaignId), token)
                    ?? throw new FactNotYetKnown($"Voting rules of campaign {message.CampaignId} are not known yet; the message will be retried.");
        var opened = new BallotOpened(ballotId, message.IdeaId, message.CampaignId, rules.Mode, message.Authors, rules.Milestones, message.PublishedAt);
        session.Events.StartStream<Ballot>(ballotId, opened);
        OutgoingMessages outgoing = [new BallotOpenedIntegrationEvent(message.IdeaId, message.CampaignId, message.PublishedAt)];
        if (MilestoneWindow.Closing(Ballot.Create(opened), clock) is { } closing)
            outgoing.Add(closing.Message.ScheduledAt(closing.At));
        return outgoing;
    }
}
