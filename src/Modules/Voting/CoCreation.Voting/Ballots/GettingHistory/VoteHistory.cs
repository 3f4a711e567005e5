using CoCreation.Voting.Ballots.Merging;
using Marten;

namespace CoCreation.Voting.Ballots.GettingHistory;

/// <summary>Counts: whether the vote counts for this idea after the entry (a cast, a vote moved in or restored).</summary>
public sealed record VoteHistoryEntry(string Voter, string Action, int? Score, DateTimeOffset At, Guid VoteId, long Sequence, string? Reason, bool Counts);

/// <summary>Every cast, retraction, discount, merge move and restoration of an idea's ballot, read from the event log itself: nothing to drift.</summary>
public static class VoteHistory
{
    public static async Task<IReadOnlyList<VoteHistoryEntry>> Of(IQuerySession session, Guid ideaId, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(Ballot.StreamIdFor(ideaId), token: token);
        return events.Select(e => e.Data switch
        {
            VoteCast c => new VoteHistoryEntry(c.Voter, "Cast", c.Score, c.CastAt, c.VoteId, e.Sequence, null, true),
            VoteRetracted r => new VoteHistoryEntry(r.Voter, "Retracted", r.Score, r.RetractedAt, r.VoteId, e.Sequence, null, false),
            VoteDiscounted d => new VoteHistoryEntry(d.Voter, "Discounted", d.Score, d.DiscountedAt, d.VoteId, e.Sequence, d.Reason, false),
            VoteMovedAway m => new VoteHistoryEntry(m.Voter, "Moved", m.Score, m.MovedAt, m.VoteId, e.Sequence, $"merged into idea {m.Into}", false),
            VoteReleased m => new VoteHistoryEntry(m.Voter, "Moved", m.Score, m.ReleasedAt, m.VoteId, e.Sequence, $"merged into idea {m.Into}, which the voter already supported: counted once", false),
            VoteMovedIn m => new VoteHistoryEntry(m.Voter, "Moved", m.Score, m.MovedAt, m.VoteId, e.Sequence, $"merged from idea {m.From}", true),
            VoteReturned r => new VoteHistoryEntry(r.Voter, "Restored", r.Score, r.ReturnedAt, r.VoteId, e.Sequence, $"merge undone: back to idea {r.To}", false),
            VoteRestored r => new VoteHistoryEntry(r.Voter, "Restored", r.Score, r.RestoredAt, r.VoteId, e.Sequence, r.From is { } from ? $"merge undone: back from idea {from}" : "merge undone: counted again", true),
            _ => null
        }).OfType<VoteHistoryEntry>().ToList();
    }
}
