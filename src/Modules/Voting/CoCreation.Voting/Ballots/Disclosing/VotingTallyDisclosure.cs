using CoCreation.BuildingBlocks.Auth;
using CoCreation.Voting.Campaigns;
using Marten;

namespace CoCreation.Voting.Ballots.Disclosing;

/// <summary>Voting's answer to <see cref="ITallyDisclosure"/>: the campaign's rules and, when they hide, the viewer's own card.</summary>
public sealed class VotingTallyDisclosure(IDocumentStore store, TimeProvider clock) : ITallyDisclosure
{
    public async Task<TallyDisclosure> For(Viewer viewer, Guid campaignId, CancellationToken token)
    {
        await using var session = store.QuerySession();
        return await Of(session, viewer, campaignId, clock.GetUtcNow(), token);
    }

    public static async Task<TallyDisclosure> Of(IQuerySession session, Viewer viewer, Guid campaignId, DateTimeOffset now, CancellationToken token)
    {
        var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(campaignId), token);
        var card = TallyDisclosureRule.NeedsCard(rules, viewer, now)
            ? await session.LoadAsync<VoterCard>(VoterCard.IdFor(campaignId, viewer.Id!), token)
            : null;
        return TallyDisclosureRule.Decide(rules, viewer, card, now);
    }
}
