namespace CoCreation.Voting.Ballots.GettingTally;

public sealed record NextMilestone(int Supporters, DateTimeOffset? Deadline);

public sealed record Tally(int Supporters, double? AverageScore, NextMilestone? NextMilestone, string Status, int MilestonesReached)
{
    public static Tally Of(Ballot ballot) => new(ballot.Supporters, ballot.AverageScore,
        ballot is { Status: BallotStatus.Open or BallotStatus.Closed, Next: { } next } ? new NextMilestone(next.Supporters, ballot.Deadline) : null,
        ballot.Status.ToString(), ballot.NextMilestone);
}
