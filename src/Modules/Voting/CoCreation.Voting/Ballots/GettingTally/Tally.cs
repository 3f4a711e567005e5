namespace CoCreation.Voting.Ballots.GettingTally;

public sealed record NextMilestone(int Supporters, DateTimeOffset? Deadline);

/// <summary>Hidden: the campaign keeps this tally from the viewer until they vote for the idea or voting ends; Supporters and AverageScore are then null.</summary>
public sealed record Tally(int? Supporters, double? AverageScore, NextMilestone? NextMilestone, string Status, int MilestonesReached, bool Hidden = false)
{
    public static Tally Of(Ballot ballot, bool shown = true) => new(shown ? ballot.Supporters : null, shown ? ballot.AverageScore : null,
        ballot is { Status: BallotStatus.Open or BallotStatus.Closed, Next: { } next } ? new NextMilestone(next.Supporters, ballot.Deadline) : null,
        ballot.Status.ToString(), ballot.NextMilestone, !shown);
}
