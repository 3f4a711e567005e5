using Marten;

namespace CoCreation.Voting.Ballots.GettingHistory;

public sealed record VoteHistoryEntry(string Voter, string Action, int? Score, DateTimeOffset At, Guid VoteId, long Sequence, string? Reason);

/// <summary>Every cast, retraction and discount of an idea's ballot, read from the event log itself: nothing to drift.</summary>
public static class VoteHistory
{
    public static async Task<IReadOnlyList<VoteHistoryEntry>> Of(IQuerySession session, Guid ideaId, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(Ballot.StreamIdFor(ideaId), token: token);
        return events.Select(e => e.Data switch
        {
            VoteCast c => new VoteHistoryEntry(c.Voter, "Cast", c.Score, c.CastAt, c.VoteId, e.Sequence, null),
            VoteRetracted r => new VoteHistoryEntry(r.Voter, "Retracted", r.Score, r.RetractedAt, r.VoteId, e.Sequence, null),
            VoteDiscounted d => new VoteHistoryEntry(d.Voter, "Discounted", d.Score, d.DiscountedAt, d.VoteId, e.Sequence, d.Reason),
            _ => null
        }).OfType<VoteHistoryEntry>().ToList();
    }
}
