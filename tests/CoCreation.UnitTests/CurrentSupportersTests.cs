using CoCreation.Voting.Ballots.GettingHistory;

namespace CoCreation.UnitTests;

public class CurrentSupportersTests
{
    private static VoteHistoryEntry E(string voter, string action, long seq) =>
        new(voter, action, null, DateTimeOffset.UnixEpoch.AddMinutes(seq), Guid.NewGuid(), seq, null, action is "Cast" or "Restored");

    [Fact]
    public void A_voter_supports_after_their_last_cast_unless_it_was_retracted_or_discounted_newest_first()
    {
        var now = CurrentSupporters.Of([E("ann", "Cast", 1), E("bob", "Cast", 2), E("ann", "Retracted", 3), E("cat", "Cast", 4),
            E("dan", "Cast", 5), E("dan", "Discounted", 6), E("ann", "Cast", 7)]);
        Assert.Equal(["ann", "cat", "bob"], now.Select(s => s.Voter));
    }
}
