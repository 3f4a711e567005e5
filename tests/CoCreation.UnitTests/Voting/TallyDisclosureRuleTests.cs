using CoCreation.BuildingBlocks.Auth;
using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Disclosing;
using CoCreation.Voting.Campaigns;

namespace CoCreation.UnitTests.Voting;

public class TallyDisclosureRuleTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Campaign = Guid.NewGuid(), Voted = Guid.NewGuid(), NotVoted = Guid.NewGuid();

    private static CampaignVotingRules Rules(bool hide = true, DateTimeOffset? until = null, DateTimeOffset? ended = null) =>
        new(CampaignVotingRules.StreamIdFor(Campaign), Campaign, "support", null, new List<MilestoneRule> { new(10, 30) }, "acme", until, hide, ended);

    private static Viewer Member(string id, params string[] roles) => new(id, roles.ToHashSet(), null);

    private static VoterCard CardOf(string voter) =>
        VoterCard.Empty(Campaign, voter).Apply(new VoteCast(Guid.NewGuid(), Voted, Campaign, Guid.NewGuid(), voter, null, Now.AddDays(-1)));

    [Fact]
    public void A_member_sees_only_the_counts_of_the_ideas_they_support_now()
    {
        var disclosure = TallyDisclosureRule.Decide(Rules(), Member("ana", Roles.Participant), CardOf("ana"), Now);

        Assert.True(disclosure.HidesAny);
        Assert.True(disclosure.Shows(Voted));
        Assert.False(disclosure.Shows(NotVoted));
    }

    [Fact]
    public void Anonymous_readers_moderators_and_admins_see_none_while_voting_lasts()
    {
        foreach (var viewer in new[] { Viewer.Anonymous, Member("mo", Roles.Moderator), Member("root", Roles.Admin) })
        {
            var disclosure = TallyDisclosureRule.Decide(Rules(until: Now.AddHours(1)), viewer, null, Now);
            Assert.False(disclosure.Shows(Voted));
        }
    }

    [Fact]
    public void The_brand_that_runs_the_campaign_and_legal_see_every_count_but_a_rival_brand_does_not()
    {
        Assert.False(TallyDisclosureRule.Decide(Rules(), new Viewer("b", new HashSet<string> { Roles.Brand }, "acme"), null, Now).HidesAny);
        Assert.False(TallyDisclosureRule.Decide(Rules(), Member("l", Roles.Legal), null, Now).HidesAny);
        Assert.True(TallyDisclosureRule.Decide(Rules(), new Viewer("r", new HashSet<string> { Roles.Brand }, "rival"), null, Now).HidesAny);
    }

    [Fact]
    public void Everyone_sees_every_count_once_the_voting_phase_passed_or_the_campaign_closed_or_when_the_rule_is_off()
    {
        Assert.False(TallyDisclosureRule.Decide(Rules(until: Now), Viewer.Anonymous, null, Now).HidesAny);
        Assert.True(TallyDisclosureRule.Decide(Rules(until: Now.AddTicks(1)), Viewer.Anonymous, null, Now).HidesAny);
        Assert.False(TallyDisclosureRule.Decide(Rules(ended: Now.AddDays(-1)), Viewer.Anonymous, null, Now).HidesAny);
        Assert.False(TallyDisclosureRule.Decide(Rules(hide: false), Viewer.Anonymous, null, Now).HidesAny);
        Assert.False(TallyDisclosureRule.Decide(null, Viewer.Anonymous, null, Now).HidesAny);
    }

    [Fact]
    public void Only_a_signed_in_outsider_of_a_hiding_campaign_needs_their_card_read()
    {
        Assert.True(TallyDisclosureRule.NeedsCard(Rules(), Member("ana", Roles.Participant), Now));
        Assert.False(TallyDisclosureRule.NeedsCard(Rules(), Viewer.Anonymous, Now));
        Assert.False(TallyDisclosureRule.NeedsCard(Rules(hide: false), Member("ana", Roles.Participant), Now));
        Assert.False(TallyDisclosureRule.NeedsCard(Rules(), Member("l", Roles.Legal), Now));
    }
}
