using Marten;

namespace CoCreation.Voting.Ballots.Mine;

/// <summary>One idea the member supports; VoteId names the vote's receipt (GET /api/receipts/{voteId}, docs/adr/0024).</summary>
public sealed record MyVote(Guid IdeaId, Guid CampaignId, int? Score, DateTimeOffset? At, Guid VoteId);

public static class MyVotes
{
    /// <summary>The ideas a member supports now, across campaigns, newest first.</summary>
    public static async Task<IReadOnlyList<MyVote>> Of(IQuerySession session, string member, CancellationToken token)
    {
        var cards = await session.Query<VoterCard>().Where(c => c.Voter == member).ToListAsync(token);
        return cards
            .SelectMany(card => card.Votes.Select(v => new MyVote(v.Key, card.CampaignId, v.Value.Score, v.Value.At, v.Value.VoteId)))
            .OrderByDescending(v => v.At).ThenBy(v => v.IdeaId)
            .ToList();
    }
}
