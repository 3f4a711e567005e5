namespace CoCreation.Voting.Ballots.GettingHistory;

/// <summary>Who supports an idea now, from its vote history: each voter's last entry that counts (a cast, a vote moved in or restored) not undone since, newest first.</summary>
public static class CurrentSupporters
{
    public static IReadOnlyList<VoteHistoryEntry> Of(IEnumerable<VoteHistoryEntry> history)
    {
        var standing = new Dictionary<string, VoteHistoryEntry>();
        foreach (var entry in history.OrderBy(e => e.Sequence))
            if (entry.Counts) standing[entry.Voter] = entry;
            else standing.Remove(entry.Voter);
        return standing.Values.OrderByDescending(e => e.Sequence).ToList();
    }
}
