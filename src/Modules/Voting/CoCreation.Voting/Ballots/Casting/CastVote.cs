using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Casting;

public sealed record VoteRequest(int? Score);

public sealed record CastVote(Guid IdeaId, Guid VoteId, string Voter, int? Score);

public sealed record VoteCastResponse(int Supporters);

public static class CastVoteHandler
{
    public static CastVote ToCommand(VoteRequest? request, Guid ideaId, string voter)
    {
        new Validation()
            .Require(request?.Score is null or (>= 0 and <= 5), "score", "'score' must be between 0 and 5.")
            .ThrowIfInvalid();
        return new CastVote(ideaId, Guid.CreateVersion7(), voter, request?.Score);
    }

    public static VoteCast Decide(Ballot ballot, CastVote command, DateTimeOffset now)
    {
        if (ballot.Status != BallotStatus.Open)
            throw new RuleViolated("voting-closed", $"Voting on idea {ballot.IdeaId} is closed.");
        if (ballot.Deadline is { } deadline && now > deadline)
            throw new RuleViolated("voting-deadline-passed", $"The window for the next milestone of idea {ballot.IdeaId} closed at {deadline:O}.");
        if (ballot.Authors.Contains(command.Voter))
            throw new RuleViolated("self-vote", "Authors and co-authors cannot vote for their own idea.");
        if (ballot.Voters.Contains(command.Voter))
            throw new RuleViolated("duplicate-vote", $"Member '{command.Voter}' has already voted for idea {ballot.IdeaId}.");
        if (ballot.Mode == "rating" && command.Score is null)
            throw new ValidationFailed(new Dictionary<string, string[]> { ["score"] = ["This campaign votes by rating: 'score' (0 to 5) is required."] });
        if (ballot.Mode == "support" && command.Score is not null)
            throw new ValidationFailed(new Dictionary<string, string[]> { ["score"] = ["This campaign votes by support: send no 'score'."] });
        return new VoteCast(ballot.Id, ballot.IdeaId, ballot.CampaignId, command.VoteId, command.Voter, command.Score, now);
    }

    public static MilestoneReached? MilestoneFor(Ballot ballot, DateTimeOffset now) =>
        ballot.Next is { } next && ballot.Supporters >= next.Supporters
            ? new MilestoneReached(ballot.Id, ballot.IdeaId, ballot.CampaignId, ballot.NextMilestone, ballot.Supporters,
                ballot.NextMilestone == ballot.Milestones.Count - 1, now)
            : null;

    public static async Task<(VoteCastResponse, OutgoingMessages)> Handle(CastVote command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(command.IdeaId), token);
        var ballot = stream.Aggregate ?? throw new RuleViolated("idea-not-published", $"Idea {command.IdeaId} is not open for votes.");
        var cast = Decide(ballot, command, clock.GetUtcNow());
        var tallyVersion = (stream.CurrentVersion ?? 0) + 1;
        stream.AppendOne(cast);
        var after = ballot.Apply(cast);
        OutgoingMessages outgoing =
            [new VoteCastIntegrationEvent(cast.VoteId, cast.IdeaId, cast.CampaignId, cast.Voter, cast.Score, after.Supporters, tallyVersion, cast.CastAt)];
        if (MilestoneFor(after, cast.CastAt) is { } reached)
        {
            stream.AppendOne(reached);
            outgoing.Add(new MilestoneReachedIntegrationEvent(reached.IdeaId, reached.CampaignId, reached.Index, reached.Supporters, reached.IsFinal, reached.ReachedAt));
        }
        return (new VoteCastResponse(after.Supporters), outgoing);
    }
}
