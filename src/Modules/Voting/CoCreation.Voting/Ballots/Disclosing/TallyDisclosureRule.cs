using CoCreation.BuildingBlocks.Auth;
using CoCreation.Voting.Campaigns;

namespace CoCreation.Voting.Ballots.Disclosing;

/// <summary>
/// A campaign that hides tallies until voted (Threadless, Decidim's <c>votes_hidden</c>) shows a member the count of an
/// idea they vote for now; the brand that runs it and legal always see every count, and everyone sees them once voting
/// is over. Anonymous readers and moderators see none while it lasts: moderation has no need of scores.
/// </summary>
public static class TallyDisclosureRule
{
    public static TallyDisclosure Decide(CampaignVotingRules? rules, Viewer viewer, VoterCard? card, DateTimeOffset now)
    {
        if (rules is not { HideTalliesUntilVoted: true } || rules.VotingOverAt(now)) return TallyDisclosure.Everything;
        if (viewer.Is(Roles.Legal) || viewer.RunsCampaignOf(rules.Organisation)) return TallyDisclosure.Everything;
        return new TallyDisclosure(true, card?.Votes.Keys.ToHashSet() ?? []);
    }

    /// <summary>Whether the viewer's card must be read to decide (a hiding campaign, still voting, a signed-in member who is not staff of it).</summary>
    public static bool NeedsCard(CampaignVotingRules? rules, Viewer viewer, DateTimeOffset now) =>
        Decide(rules, viewer, null, now).HidesAny && viewer.Id is not null;
}
