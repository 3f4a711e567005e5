using CoCreation.Voting.Ballots.Merging;
using Marten.Events.Aggregation;

namespace CoCreation.Voting.Ballots.Sharing;

/// <summary>
/// Who brought an idea's current supporters through their share link: each standing referred vote and its sharer,
/// folded from the ballot's stream beside the <see cref="Ballot"/> snapshot. A retraction, discount or merge move
/// takes the vote out; so the count is of supporters still there.
/// </summary>
public sealed record IdeaReferrals(Guid Id, Guid IdeaId, IReadOnlyDictionary<Guid, string> Standing)
{
    public int BroughtBy(string sharer) => Standing.Values.Count(s => s == sharer);

    public IdeaReferrals Without(Guid voteId)
    {
        if (!Standing.ContainsKey(voteId)) return this;
        var standing = new Dictionary<Guid, string>(Standing);
        standing.Remove(voteId);
        return this with { Standing = standing };
    }
}

public sealed class IdeaReferralsProjection : SingleStreamProjection<IdeaReferrals, Guid>
{
    public static IdeaReferrals Create(BallotOpened e) => new(e.BallotId, e.IdeaId, new Dictionary<Guid, string>());

    public static IdeaReferrals Apply(VoteCast e, IdeaReferrals r) =>
        e.ReferredBy is { } sharer ? r with { Standing = new Dictionary<Guid, string>(r.Standing) { [e.VoteId] = sharer } } : r;

    public static IdeaReferrals Apply(VoteRetracted e, IdeaReferrals r) => r.Without(e.VoteId);
    public static IdeaReferrals Apply(VoteDiscounted e, IdeaReferrals r) => r.Without(e.VoteId);
    public static IdeaReferrals Apply(VoteMovedAway e, IdeaReferrals r) => r.Without(e.VoteId);
    public static IdeaReferrals Apply(VoteReleased e, IdeaReferrals r) => r.Without(e.VoteId);
}

/// <summary>A member's share link for an idea and how many of its current supporters came through it.</summary>
public sealed record ReferralResponse(Guid IdeaId, string Sharer, string Link, int SupportersBrought);
