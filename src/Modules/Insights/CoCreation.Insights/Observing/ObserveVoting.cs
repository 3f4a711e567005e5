using CoCreation.Voting.Contracts;
using Marten;
using Wolverine.Attributes;

namespace CoCreation.Insights.Observing;

/// <summary>Notes Voting's facts: each idea's votes of a message with its tally, milestones (expiry comes as Ideation's status).</summary>
[StickyHandler(InsightsModule.Queue)]
public static class ObserveVotingHandler
{
    public static void Handle(VotesRecordedIntegrationEvent m, IDocumentSession session)
    {
        foreach (var votes in m.Votes.GroupBy(v => (v.IdeaId, v.Voter)))
        {
            var tally = m.Tallies.FirstOrDefault(t => t.IdeaId == votes.Key.IdeaId);
            session.Events.Append(InsightStreams.Idea(votes.Key.IdeaId), new VotesNoted(votes.Key.IdeaId, m.CampaignId, votes.Key.Voter,
                votes.Select(v => new NotedVote(v.VoteId, v.Action, v.At)).ToList(), tally?.Supporters ?? 0, tally?.TallyVersion ?? 0));
        }
    }

    public static void Handle(MilestoneReachedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Idea(m.IdeaId),
            new IdeaMilestoneNoted(m.IdeaId, m.CampaignId, m.MilestoneIndex, m.IsFinal, m.Supporters, m.ReachedAt));
}
