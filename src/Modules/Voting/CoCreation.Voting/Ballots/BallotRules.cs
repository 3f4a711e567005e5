using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Voting.Ballots;

public static class BallotRules
{
    /// <summary>An idea that is not public does not exist for those who may not see it (its authors, moderators, legal, the campaign's brand may).</summary>
    public static void EnsureVisible(Ballot ballot, string member, bool seesNonPublic)
    {
        if (!ballot.IsPublic && !seesNonPublic && !ballot.Authors.Contains(member)) throw new NotFound("idea", ballot.IdeaId);
    }

    /// <summary>Votes are cast and retracted only while the idea is Published and its current window is open.</summary>
    public static void EnsureOpen(Ballot ballot, DateTimeOffset now)
    {
        if (ballot.Status != BallotStatus.Open)
            throw new RuleViolated("voting-closed", $"Voting on idea {ballot.IdeaId} is closed ({ballot.Status}).");
        if (ballot.Deadline is { } deadline && now > deadline)
            throw new RuleViolated("voting-deadline-passed", $"The window for the next milestone of idea {ballot.IdeaId} closed at {deadline:O}.");
    }

    /// <summary>A campaign with a voting phase takes no vote change once it is over.</summary>
    public static void EnsureVotingPhase(Ballot ballot, DateTimeOffset? votingUntil, DateTimeOffset now)
    {
        if (votingUntil is { } until && now >= until)
            throw new RuleViolated("voting-phase-over", $"Campaign {ballot.CampaignId}'s voting phase ended at {until:O}.");
    }

    /// <summary>The milestone a ballot reaches with its current supporters, if any.</summary>
    public static MilestoneReached? MilestoneFor(Ballot ballot, DateTimeOffset now) =>
        ballot.Status == BallotStatus.Open && ballot.Next is { } next && ballot.Supporters >= next.Supporters
            ? new MilestoneReached(ballot.Id, ballot.IdeaId, ballot.CampaignId, ballot.NextMilestone, ballot.Supporters,
                ballot.NextMilestone == ballot.Milestones.Count - 1, now)
            : null;
}
