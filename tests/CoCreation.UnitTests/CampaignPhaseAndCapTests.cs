using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas.Submitting;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Voting.Contracts;

namespace CoCreation.UnitTests;

/// <summary>A campaign's phases (submission and voting deadlines) and its per-member cap on submissions (issue 16).</summary>
public class CampaignPhaseAndCapTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static CreateCampaign Create(int? perMember = null, DateTimeOffset? submissionsUntil = null, DateTimeOffset? votingUntil = null) =>
        CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief", null, null, null, null,
            new SubmissionsRequest(perMember), new PhasesRequest(submissionsUntil, votingUntil)), Guid.NewGuid(), "brand", "acme", Now);

    private static Campaign Open(CreateCampaign command) =>
        Campaign.Create(new CampaignCreated(command.CampaignId, command.Title, command.Brief, command.Rules, "brand", Now)) with { Status = CampaignStatus.Open };

    private static SubmitIdea Idea(Campaign campaign, string by = "alice") =>
        SubmitIdeaHandler.ToCommand(new IdeaRequest("A ferry set", "desc", []), Guid.NewGuid(), campaign.Id, by);

    [Fact]
    public void Omitted_phases_and_cap_leave_the_rules_as_before()
    {
        var rules = Create().Rules;
        Assert.Null(rules.Submissions);
        Assert.Null(rules.Phases);
    }

    [Theory]
    [InlineData(0, null, null, "submissions.perMember")]
    [InlineData(1001, null, null, "submissions.perMember")]
    [InlineData(null, -1, null, "phases.submissionsUntil")]
    [InlineData(null, null, -1, "phases.votingUntil")]
    [InlineData(null, 4000, null, "phases.submissionsUntil")]
    [InlineData(null, 10, 5, "phases.votingUntil")]
    public void Caps_and_phases_out_of_range_are_field_errors(int? perMember, int? submissionsInDays, int? votingInDays, string field)
    {
        var e = Assert.Throws<ValidationFailed>(() => Create(perMember,
            submissionsInDays is { } s ? Now.AddDays(s) : null, votingInDays is { } v ? Now.AddDays(v) : null));
        Assert.Equal([field], e.Errors.Keys);
    }

    [Fact]
    public void A_member_submits_up_to_the_cap_and_the_next_is_refused()
    {
        var campaign = Open(Create(perMember: 2));
        Assert.NotNull(SubmitIdeaHandler.Decide(campaign, null, Idea(campaign), Now, submittedBefore: 1));
        Assert.Equal("submission-cap-reached",
            Assert.Throws<RuleViolated>(() => SubmitIdeaHandler.Decide(campaign, null, Idea(campaign), Now, submittedBefore: 2)).Rule);
        var uncapped = Open(Create());
        Assert.NotNull(SubmitIdeaHandler.Decide(uncapped, null, Idea(uncapped), Now, submittedBefore: 500));
    }

    [Fact]
    public void Submissions_close_at_their_deadline_and_the_agreement_is_asked_for_only_before_it()
    {
        var campaign = Open(Create(submissionsUntil: Now.AddDays(2), votingUntil: Now.AddDays(9)));
        Assert.NotNull(SubmitIdeaHandler.Decide(campaign, null, Idea(campaign), Now.AddDays(2).AddTicks(-1)));
        Assert.Equal("submissions-closed", Assert.Throws<RuleViolated>(() => SubmitIdeaHandler.Decide(campaign, "v2", Idea(campaign), Now.AddDays(2))).Rule);
        Assert.Equal("agreement-not-accepted", Assert.Throws<RuleViolated>(() => SubmitIdeaHandler.Decide(campaign, "v2", Idea(campaign), Now)).Rule);
    }

    [Fact]
    public void A_draft_whose_deadline_passed_before_it_opened_does_not_open()
    {
        var command = Create(submissionsUntil: Now.AddDays(1));
        var draft = Campaign.Create(new CampaignCreated(command.CampaignId, command.Title, command.Brief, command.Rules, "brand", Now));
        Assert.NotNull(OpenCampaignHandler.Decide(draft, new OpenCampaign(draft.Id, "brand"), Now.AddHours(1)));
        Assert.Equal("campaign-phase-passed", Assert.Throws<RuleViolated>(() => OpenCampaignHandler.Decide(draft, new OpenCampaign(draft.Id, "brand"), Now.AddDays(1))).Rule);
    }

    [Fact]
    public void No_vote_is_cast_or_retracted_once_the_voting_phase_is_over()
    {
        var ballot = Ballot.Create(new BallotOpened(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "support", ["alice"], [new(100, 60)], Now));
        var until = Now.AddDays(3);
        var bob = VoterCard.Empty(ballot.CampaignId, "bob");
        var cast = CastVoteHandler.Decide(ballot, bob, null, false, new CastVote(ballot.IdeaId, Guid.NewGuid(), "bob", null), until.AddTicks(-1), votingUntil: until);
        (ballot, bob) = (ballot.Apply(cast), bob.Apply(cast));

        Assert.Equal("voting-phase-over", Assert.Throws<RuleViolated>(() =>
            CastVoteHandler.Decide(ballot, VoterCard.Empty(ballot.CampaignId, "carol"), null, false, new CastVote(ballot.IdeaId, Guid.NewGuid(), "carol", null), until, votingUntil: until)).Rule);
        Assert.Equal("voting-phase-over", Assert.Throws<RuleViolated>(() =>
            RetractVoteHandler.Decide(ballot, bob, new RetractVote(ballot.IdeaId, "bob"), until, until)).Rule);
        // An idea the member may not see stays unknown, whatever the phase.
        var hidden = ballot with { IdeaStatus = "Hidden" };
        Assert.Throws<NotFound>(() => CastVoteHandler.Decide(hidden, VoterCard.Empty(ballot.CampaignId, "dan"), null, false, new CastVote(ballot.IdeaId, Guid.NewGuid(), "dan", null), until, votingUntil: until));
    }
}
