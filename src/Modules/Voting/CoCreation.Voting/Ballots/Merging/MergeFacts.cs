using CoCreation.Voting.Ballots.Recording;
using Marten;

namespace CoCreation.Voting.Ballots.Merging;

/// <summary>What a group's merges and undos need loaded: the two ideas' ballots, every member who ever voted on the merged idea, and the votes each merge took.</summary>
public sealed record MergeFacts(IReadOnlyList<Guid> Ideas, IReadOnlyList<string> Voters, IReadOnlyDictionary<Guid, IReadOnlyList<MergedVote>> Moved)
{
    private static readonly MergeFacts None = new([], [], new Dictionary<Guid, IReadOnlyList<MergedVote>>());

    public static async Task<MergeFacts> Load(IQuerySession session, IEnumerable<object> commands)
    {
        var pairs = commands.Select(c => c switch
        {
            MoveSupport m => (Merged: m.From, Other: m.Into),
            RestoreSupport r => (Merged: r.IdeaId, Other: r.From),
            _ => ((Guid, Guid)?)null
        }).OfType<(Guid Merged, Guid Other)>().ToList();
        if (pairs.Count == 0) return None;

        var voters = new HashSet<string>();
        var moved = new Dictionary<Guid, List<MergedVote>>();
        foreach (var merged in pairs.Select(p => p.Merged).Distinct())
        foreach (var e in await session.Events.FetchStreamAsync(Ballot.StreamIdFor(merged)))
            switch (e.Data)
            {
                case VoteCast c: voters.Add(c.Voter); break;
                case VoteRestored r: voters.Add(r.Voter); break;
                case VoteMovedAway a:
                    voters.Add(a.Voter);
                    Of(a.MergeId).Add(new MergedVote(a.Voter, a.VoteId, a.Score, false, a.CastAt));
                    break;
                case VoteReleased r:
                    voters.Add(r.Voter);
                    Of(r.MergeId).Add(new MergedVote(r.Voter, r.VoteId, r.Score, true, r.CastAt));
                    break;
            }
        return new MergeFacts(pairs.SelectMany(p => new[] { p.Merged, p.Other }).Distinct().ToList(), voters.ToList(),
            moved.ToDictionary(m => m.Key, m => (IReadOnlyList<MergedVote>)m.Value));

        List<MergedVote> Of(Guid mergeId) => moved.TryGetValue(mergeId, out var list) ? list : moved[mergeId] = [];
    }
}
