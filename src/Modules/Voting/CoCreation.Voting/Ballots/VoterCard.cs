using CoCreation.BuildingBlocks.Modules;
using CoCreation.Voting.Ballots.Merging;
using Marten.Events.Projections;

namespace CoCreation.Voting.Ballots;

/// <summary>At: when the vote was cast (null on cards recorded before it was kept, until a rebuild).</summary>
/// <summary>ReferredBy: whose share link brought the vote, if anyone's.</summary>
public sealed record ActiveVote(Guid VoteId, int? Score, DateTimeOffset? At = null, string? ReferredBy = null);

/// <summary>
/// A member's standing votes in one campaign: what the one-vote-per-idea rule and the budget are checked
/// against. An inline projection of the ballots' vote events, grouped by (campaign, voter).
/// </summary>
public sealed record VoterCard(Guid Id, Guid CampaignId, string Voter, IReadOnlyDictionary<Guid, ActiveVote> Votes)
{
    public static Guid IdFor(Guid campaignId, string voter) => StreamIds.Derive("voting-voter", $"{campaignId:D}\n{voter}");

    public static VoterCard Empty(Guid campaignId, string voter) => new(IdFor(campaignId, voter), campaignId, voter, new Dictionary<Guid, ActiveVote>());

    public ActiveVote? On(Guid ideaId) => Votes.GetValueOrDefault(ideaId);

    public VoterCard Apply(VoteCast e) => this with { Votes = new Dictionary<Guid, ActiveVote>(Votes) { [e.IdeaId] = new(e.VoteId, e.Score, e.CastAt, e.ReferredBy) } };

    public VoterCard Apply(VoteRetracted e) => Without(e.IdeaId);

    public VoterCard Apply(VoteDiscounted e) => Without(e.IdeaId);

    public VoterCard Apply(VoteMovedAway e) => Without(e.IdeaId);

    public VoterCard Apply(VoteReleased e) => Without(e.IdeaId);

    public VoterCard Apply(VoteReturned e) => Without(e.IdeaId);

    public VoterCard Apply(VoteMovedIn e) => With(e.IdeaId, new ActiveVote(e.VoteId, e.Score, e.CastAt));

    public VoterCard Apply(VoteRestored e) => With(e.IdeaId, new ActiveVote(e.VoteId, e.Score, e.CastAt));

    private VoterCard With(Guid ideaId, ActiveVote vote) => this with { Votes = new Dictionary<Guid, ActiveVote>(Votes) { [ideaId] = vote } };

    private VoterCard Without(Guid ideaId)
    {
        var votes = new Dictionary<Guid, ActiveVote>(Votes);
        votes.Remove(ideaId);
        return this with { Votes = votes };
    }
}

public sealed class VoterCardProjection : MultiStreamProjection<VoterCard, Guid>
{
    public VoterCardProjection()
    {
        Identity<VoteCast>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteRetracted>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteDiscounted>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteMovedAway>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteReleased>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteReturned>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteMovedIn>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
        Identity<VoteRestored>(e => VoterCard.IdFor(e.CampaignId, e.Voter));
    }

    public static VoterCard Create(VoteCast e) => VoterCard.Empty(e.CampaignId, e.Voter).Apply(e);

    public static VoterCard Create(VoteMovedIn e) => VoterCard.Empty(e.CampaignId, e.Voter).Apply(e);

    public static VoterCard Create(VoteRestored e) => VoterCard.Empty(e.CampaignId, e.Voter).Apply(e);

    public static VoterCard Apply(VoteCast e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteRetracted e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteDiscounted e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteMovedAway e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteReleased e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteReturned e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteMovedIn e, VoterCard card) => card.Apply(e);

    public static VoterCard Apply(VoteRestored e, VoterCard card) => card.Apply(e);
}
