namespace CoCreation.Voting.Ballots.GettingTally;

public sealed record NextMilestone(int Supporters, DateTimeOffset? Deadline);

public sealed record Tally(int Supporters, double? AverageScore, NextMilestone? NextMilestone, string Status)
{
    public static Tally Of(Ballot ballot) => new(ballot.Supporters, ballot.AverageScore,
        ballot.Next is { } next ? new NextMilestone(next.Supporters, ballot.Deadline) : null, ballot.Status.ToString());
}
