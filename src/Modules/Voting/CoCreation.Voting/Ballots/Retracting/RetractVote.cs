using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots.Recording;
using Wolverine;

namespace CoCreation.Voting.Ballots.Retracting;

public sealed record RetractVote(Guid IdeaId, string Voter);

public static class RetractVoteHandler
{
    public static VoteRetracted Decide(Ballot ballot, VoterCard card, RetractVote command, DateTimeOffset now, DateTimeOffset? votingUntil = null)
    {
        var vote = card.On(ballot.IdeaId);
        if (vote is null)
        {
            BallotRules.EnsureVisible(ballot, command.Voter, false);
            throw new NotFound($"vote of '{command.Voter}' on idea", ballot.IdeaId);
        }
        BallotRules.EnsureVotingPhase(ballot, votingUntil, now);
        BallotRules.EnsureOpen(ballot, now);
        return new VoteRetracted(ballot.Id, ballot.IdeaId, ballot.CampaignId, vote.VoteId, command.Voter, vote.Score, now);
    }

    public static async Task Handle(RetractVote command, VoteWriter writer, Envelope envelope, CancellationToken token) =>
        await writer.Record(command, command.IdeaId, command.Voter, EventOrigin.Of(envelope), token);
}
