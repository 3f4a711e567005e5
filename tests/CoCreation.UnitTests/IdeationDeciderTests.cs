using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.Closing;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Submitting;

namespace CoCreation.UnitTests;

public class IdeationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Campaign Draft() => Campaign.Create(new CampaignCreated(Guid.NewGuid(), "Harbour sets", "Brief",
        CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief", null, null, null, null), Guid.NewGuid(), "brand", "acme").Rules,
        "brand", Now));

    [Fact]
    public void Omitted_settings_take_the_contracts_defaults()
    {
        var command = CreateCampaignRules.ToCommand(new CreateCampaignRequest(" Harbour sets ", "Brief", null, null, null, null), Guid.NewGuid(), "brand", "acme");
        Assert.Equal("Harbour sets", command.Title);
        Assert.Equal("support", command.Rules.Voting.Mode);
        Assert.Null(command.Rules.Voting.BudgetPerMember);
        Assert.Equal([(100, 60), (1000, 365), (5000, 182), (10000, 182)], command.Rules.Milestones.Select(m => (m.Supporters, m.WithinDays)));
        Assert.Equal(3, command.Rules.Moderation.FlagsToHide);
    }

    [Fact]
    public void Milestones_must_increase()
    {
        var e = Assert.Throws<ValidationFailed>(() => CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief", null,
            [new MilestoneRequest(100, 60), new MilestoneRequest(50, 60)], null, null), Guid.NewGuid(), "brand", "acme"));
        Assert.Contains("milestones", e.Errors.Keys);
    }

    [Fact]
    public void A_draft_campaign_opens_once_then_closes_once()
    {
        var draft = Draft();
        var opened = OpenCampaignHandler.Decide(draft, new OpenCampaign(draft.Id, "brand"), Now);
        var open = draft.Apply(opened);
        Assert.Equal(CampaignStatus.Open, open.Status);
        Assert.Equal("campaign-not-draft", Assert.Throws<RuleViolated>(() => OpenCampaignHandler.Decide(open, new OpenCampaign(open.Id, "brand"), Now)).Rule);

        var closed = open.Apply(CloseCampaignHandler.Decide(open, new CloseCampaign(open.Id, "brand"), Now));
        Assert.Equal(CampaignStatus.Closed, closed.Status);
        Assert.Equal("campaign-not-open", Assert.Throws<RuleViolated>(() => CloseCampaignHandler.Decide(closed, new CloseCampaign(open.Id, "brand"), Now)).Rule);
        Assert.Equal("campaign-not-draft", Assert.Throws<RuleViolated>(() => OpenCampaignHandler.Decide(closed, new OpenCampaign(open.Id, "brand"), Now)).Rule);
    }

    [Theory]
    [InlineData(CampaignStatus.Draft)]
    [InlineData(CampaignStatus.Closed)]
    public void Ideas_are_refused_unless_the_campaign_is_open(CampaignStatus status)
    {
        var campaign = Draft() with { Status = status };
        var command = SubmitIdeaHandler.ToCommand(new IdeaRequest("A ferry set", "desc", ["sea"]), Guid.NewGuid(), campaign.Id, "alice");
        Assert.Equal("campaign-not-open", Assert.Throws<RuleViolated>(() => SubmitIdeaHandler.Decide(campaign, null, command, Now)).Rule);
    }

    [Fact]
    public void A_submitted_idea_starts_with_its_author_at_revision_one()
    {
        var campaign = Draft() with { Status = CampaignStatus.Open };
        var command = SubmitIdeaHandler.ToCommand(new IdeaRequest("A ferry set", "desc", ["sea", "SEA", " boats "]), Guid.NewGuid(), campaign.Id, "alice");
        var idea = Idea.Create(SubmitIdeaHandler.Decide(campaign, null, command, Now));
        Assert.Equal((IdeaStatus.Submitted, 1), (idea.Status, idea.Revision));
        Assert.Equal(["alice"], idea.Authors);
        Assert.Equal(["sea", "boats"], command.Tags);
    }

    [Theory]
    [InlineData("abcd", "d", "title")]
    [InlineData("A fine title", "", "description")]
    [InlineData("A fine title", "d", "tags", "this-tag-is-far-too-long-for-the-limit-of-thirty")]
    public void Invalid_ideas_name_the_field(string title, string description, string field, string? tag = null)
    {
        var e = Assert.Throws<ValidationFailed>(() =>
            SubmitIdeaHandler.ToCommand(new IdeaRequest(title, description, tag is null ? [] : [tag]), Guid.NewGuid(), Guid.NewGuid(), "alice"));
        Assert.Equal([field], e.Errors.Keys);
    }

    [Fact]
    public void Campaign_numbers_are_bounded_so_later_arithmetic_cannot_overflow()
    {
        var huge = Assert.Throws<ValidationFailed>(() => CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief", null,
            [new MilestoneRequest(int.MaxValue, int.MaxValue)], null, new RewardsRequest(int.MaxValue, null, null, null, null, null)), Guid.NewGuid(), "brand", "acme"));
        Assert.Contains("milestones", huge.Errors.Keys);
        Assert.Contains("rewards", huge.Errors.Keys);
        var budget = Assert.Throws<ValidationFailed>(() => CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief",
            new VotingRequest("support", 1_000_000), null, null, null), Guid.NewGuid(), "brand", "acme"));
        Assert.Contains("voting.budgetPerMember", budget.Errors.Keys);
    }
}
