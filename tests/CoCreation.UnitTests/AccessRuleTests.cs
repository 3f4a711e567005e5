using System.Security.Claims;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Disputes;
using CoCreation.IntellectualProperty.Disputes.Resolving;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;

namespace CoCreation.UnitTests;

/// <summary>Who sees and who runs what: the pure rules behind the visibility and ownership checks.</summary>
public class AccessRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Viewer Member(string id, params string[] roles) => new(id, roles.ToHashSet(), roles.Contains(Roles.Brand) ? Viewer.OrganisationOf(id, null) : null);

    private static Viewer Brand(string id, string org) => new(id, new HashSet<string> { Roles.Brand }, org);

    [Fact]
    public void Non_public_content_is_seen_by_its_authors_moderators_legal_and_the_campaigns_brand_only()
    {
        string[] authors = ["alice", "bob"];
        Assert.True(Member("alice", Roles.Participant).SeesNonPublic(authors, "acme"));
        Assert.True(Member("mia", Roles.Moderator).SeesNonPublic(authors, "acme"));
        Assert.True(Member("lea", Roles.Legal).SeesNonPublic(authors, "acme"));
        Assert.True(Brand("bo", "acme").SeesNonPublic(authors, "acme"));
        Assert.False(Brand("gus", "globex").SeesNonPublic(authors, "acme"));
        Assert.False(Member("carol", Roles.Participant).SeesNonPublic(authors, "acme"));
        Assert.False(Member("root", Roles.Admin).SeesNonPublic(authors, "acme"));
        Assert.False(Viewer.Anonymous.SeesNonPublic(authors, "acme"));
        Assert.False(Viewer.Anonymous.RunsCampaignOf(null));
    }

    [Fact]
    public void A_brand_member_acts_for_the_org_claim_else_an_organisation_of_their_own()
    {
        var withOrg = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bo"), new Claim("role", Roles.Brand), new Claim("org", "acme")], "Bearer"));
        var without = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bo"), new Claim("role", Roles.Brand)], "Bearer"));
        var participant = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bo"), new Claim("role", Roles.Participant), new Claim("org", "acme")], "Bearer"));
        Assert.Equal("acme", Viewer.Of(withOrg).Organisation);
        Assert.Equal("member:bo", Viewer.Of(without).Organisation);
        Assert.Null(Viewer.Of(participant).Organisation);
        Assert.True(Viewer.Of(new ClaimsPrincipal(new ClaimsIdentity())).IsAnonymous);
    }

    [Fact]
    public void Only_the_organisation_that_runs_a_campaign_runs_it_and_others_are_told_nothing_exists()
    {
        CampaignAccess.EnsureRunBy("acme", "acme", "campaign", Guid.Empty);
        Assert.Throws<NotFound>(() => CampaignAccess.EnsureRunBy("acme", "globex", "campaign", Guid.Empty));
        Assert.Throws<NotFound>(() => CampaignAccess.EnsureRunBy("acme", null, "campaign", Guid.Empty));
        Assert.Throws<NotFound>(() => CampaignAccess.EnsureRunBy(null, null, "campaign", Guid.Empty));
    }

    private static Ballot Ballot(string ideaStatus)
    {
        var ballot = CoCreation.Voting.Ballots.Ballot.Create(new BallotOpened(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "support", ["alice"],
            [new MilestoneRule(100, 60)], Now));
        return ideaStatus == "Published" ? ballot : ballot.Apply(new BallotClosed(ballot.Id, ballot.IdeaId, ballot.CampaignId, ideaStatus, Now));
    }

    private static VoteCast Cast(Ballot ballot, string voter, string? org = null, bool seesNonPublic = false) =>
        CastVoteHandler.Decide(ballot, VoterCard.Empty(ballot.CampaignId, voter), null, false,
            new CastVote(ballot.IdeaId, Guid.NewGuid(), voter, null, org, seesNonPublic), Now, "acme");

    [Fact]
    public void A_vote_on_an_idea_that_is_not_public_is_a_404_for_outsiders_and_closed_voting_for_those_who_see_it()
    {
        var hidden = Ballot("Hidden");
        Assert.False(hidden.IsPublic);
        Assert.Throws<NotFound>(() => Cast(hidden, "carol"));
        Assert.Equal("voting-closed", Assert.Throws<RuleViolated>(() => Cast(hidden, "mia", seesNonPublic: true)).Rule);
        Assert.True(Ballot("Published").IsPublic);
        var reviewed = Ballot("Published").Apply(new BallotIdeaStatusNoted(hidden.Id, hidden.IdeaId, hidden.CampaignId, "Selected", Now));
        Assert.True(reviewed.IsPublic);
    }

    [Fact]
    public void Brand_members_do_not_vote_in_their_own_organisations_campaigns()
    {
        var ballot = Ballot("Published");
        Assert.Equal("own-organisation", Assert.Throws<RuleViolated>(() => Cast(ballot, "bo", org: "acme")).Rule);
        Assert.IsType<VoteCast>(Cast(ballot, "gus", org: "globex"));
    }

    [Fact]
    public void Nobody_decides_a_moderation_item_on_their_own_subject()
    {
        var item = ModerationItem.Create(new ModerationItemQueued(Guid.NewGuid(), Guid.NewGuid(), "idea", Guid.NewGuid(), 1, "alice", "new-idea", [], Now));
        var own = new DecideModerationItem(item.Id, ModerationDecision.Approve, null, null, "alice");
        Assert.Equal("own-subject", Assert.Throws<Forbidden>(() => DecideModerationItemHandler.Decide(item, own, Now, ["alice"])).Rule);
        var coAuthored = new DecideModerationItem(item.Id, ModerationDecision.Approve, null, null, "bob");
        Assert.Equal("own-subject", Assert.Throws<Forbidden>(() => DecideModerationItemHandler.Decide(item, coAuthored, Now, ["alice", "bob"])).Rule);
        Assert.Equal(ModerationDecision.Approve, DecideModerationItemHandler.Decide(item, coAuthored with { By = "mia" }, Now, ["alice", "bob"]).Decision);
    }

    [Fact]
    public void Nobody_resolves_a_dispute_they_opened()
    {
        var dispute = Dispute.Create(new DisputeOpened(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "prior art", "link", "lea", Now));
        Assert.Equal("own-dispute", Assert.Throws<Forbidden>(() =>
            ResolveDisputeHandler.Decide(dispute, new ResolveDispute(dispute.Id, DisputeStatus.Dismissed, null, "lea"), Now)).Rule);
        Assert.Equal(DisputeStatus.Dismissed, ResolveDisputeHandler.Decide(dispute, new ResolveDispute(dispute.Id, DisputeStatus.Dismissed, null, "lou"), Now).Outcome);
    }
}
