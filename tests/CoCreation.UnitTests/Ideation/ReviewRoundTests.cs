using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.ReviewRounds;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.GettingTimeline;

namespace CoCreation.UnitTests.Ideation;

/// <summary>Review rounds (docs/adr/0034): opening, deciding inside, closing, without a database.</summary>
public class ReviewRoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static Campaign CampaignWith(bool? rounds)
    {
        var command = CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief", null, null, null, null,
            Review: rounds is null ? null : new ReviewRequest(rounds)), Guid.NewGuid(), "brand", "acme", Now);
        return Campaign.Create(new CampaignCreated(command.CampaignId, command.Title, command.Brief, command.Rules, "brand", Now, "acme"))
            with { Status = CampaignStatus.Open };
    }

    private static Idea UnderReview(Campaign campaign) =>
        Idea.Create(new IdeaSubmitted(Guid.NewGuid(), campaign.Id, "Ferry set", "A ferry", [], "alice", Now)) with { Status = IdeaStatus.UnderReview };

    private static (Campaign Campaign, ReviewRoundOpened Opened) Opened(Campaign campaign, params Idea[] ideas)
    {
        var opened = OpenReviewRoundHandler.Decide(campaign, new OpenReviewRound(campaign.Id, Guid.NewGuid(), "brand"), ideas.Select(i => i.Id).ToList(), Now);
        return (campaign.Apply(opened), opened);
    }

    private static Campaign Decided(Campaign campaign, Idea idea, DecisionOutcome outcome, string? note = null) =>
        campaign.Apply(DecideIdeaHandler.DecideInRound(campaign, idea, new DecideIdea(idea.Id, outcome, note, "brand"), Now));

    [Fact]
    public void The_rule_is_off_unless_asked_for()
    {
        Assert.False(CampaignWith(null).Rules.UsesReviewRounds());
        Assert.Null(CampaignWith(false).Rules.Review);
        Assert.True(CampaignWith(true).Rules.UsesReviewRounds());
    }

    [Fact]
    public void A_round_opens_only_in_a_campaign_that_reviews_in_rounds()
    {
        var campaign = CampaignWith(false);
        Assert.Equal("review-rounds-not-enabled", Assert.Throws<RuleViolated>(() => Opened(campaign, UnderReview(campaign))).Rule);
    }

    [Fact]
    public void A_round_needs_waiting_ideas_and_no_other_open_round()
    {
        var campaign = CampaignWith(true);
        Assert.Equal("no-ideas-awaiting-review", Assert.Throws<RuleViolated>(() => Opened(campaign)).Rule);
        var (open, first) = Opened(campaign, UnderReview(campaign));
        Assert.Equal(1, first.Number);
        Assert.Equal("review-round-already-open", Assert.Throws<RuleViolated>(() => Opened(open, UnderReview(campaign))).Rule);
    }

    [Fact]
    public void Rounds_are_numbered_in_order()
    {
        var campaign = CampaignWith(true);
        var idea = UnderReview(campaign);
        var (open, first) = Opened(campaign, idea);
        open = Decided(open, idea, DecisionOutcome.Selected);
        var closed = open.Apply(CloseReviewRoundHandler.Decide(open, new CloseReviewRound(campaign.Id, first.RoundId, "brand"), [idea], Now));
        var (_, second) = Opened(closed, UnderReview(campaign));
        Assert.Equal(2, second.Number);
        Assert.NotEqual(first.RoundId, second.RoundId);
    }

    [Fact]
    public void Deciding_needs_the_idea_in_the_open_round()
    {
        var campaign = CampaignWith(true);
        var inRound = UnderReview(campaign);
        var waiting = UnderReview(campaign);
        Assert.Equal("idea-not-in-open-round", Assert.Throws<RuleViolated>(() => Decided(campaign, inRound, DecisionOutcome.Selected)).Rule);
        var (open, _) = Opened(campaign, inRound);
        Assert.Equal("idea-not-in-open-round", Assert.Throws<RuleViolated>(() => Decided(open, waiting, DecisionOutcome.Selected)).Rule);
        Assert.Equal("idea-not-under-review", Assert.Throws<RuleViolated>(() => Decided(open, inRound with { Status = IdeaStatus.Hidden }, DecisionOutcome.Selected)).Rule);
        Assert.Equal("dispute-open", Assert.Throws<RuleViolated>(() => Decided(open, inRound with { OpenDisputes = [Guid.NewGuid()] }, DecisionOutcome.Selected)).Rule);
        Assert.Equal(DecisionOutcome.NotSelected, Decided(open, inRound with { OpenDisputes = [Guid.NewGuid()] }, DecisionOutcome.NotSelected).Round!.Decisions[inRound.Id].Outcome);
    }

    [Fact]
    public void A_later_decision_replaces_the_earlier_one_until_the_round_closes()
    {
        var campaign = CampaignWith(true);
        var idea = UnderReview(campaign);
        var (open, _) = Opened(campaign, idea);
        open = Decided(Decided(open, idea, DecisionOutcome.NotSelected, "first"), idea, DecisionOutcome.Selected, "second");
        var decision = open.Round!.Decisions[idea.Id];
        Assert.Equal((DecisionOutcome.Selected, "second"), (decision.Outcome, decision.Note));
    }

    [Fact]
    public void Closing_needs_every_idea_still_under_review_decided()
    {
        var campaign = CampaignWith(true);
        var (a, b, c) = (UnderReview(campaign), UnderReview(campaign), UnderReview(campaign));
        var (open, opened) = Opened(campaign, a, b, c);
        open = Decided(open, a, DecisionOutcome.Selected, "Yes");
        var close = new CloseReviewRound(campaign.Id, opened.RoundId, "brand");
        var refused = Assert.Throws<RuleViolated>(() => CloseReviewRoundHandler.Decide(open, close, [a, b, c], Now));
        Assert.Equal("round-has-undecided-ideas", refused.Rule);
        Assert.Contains(b.Id.ToString(), refused.Detail);

        // One left the round (hidden by moderation): it needs no decision and its result is the status it left with.
        open = Decided(open, c, DecisionOutcome.NotSelected, "No");
        var closed = CloseReviewRoundHandler.Decide(open, close, [a, b with { Status = IdeaStatus.Hidden }, c], Now);
        Assert.Equal([new RoundResult(a.Id, "Selected", "Yes"), new RoundResult(b.Id, "Hidden", null), new RoundResult(c.Id, "NotSelected", "No")], closed.Results);
        Assert.Null(open.Apply(closed).Round);
    }

    [Fact]
    public void A_dispute_opened_after_the_decision_stops_the_close()
    {
        var campaign = CampaignWith(true);
        var idea = UnderReview(campaign);
        var (open, opened) = Opened(campaign, idea);
        open = Decided(open, idea, DecisionOutcome.Selected);
        Assert.Equal("dispute-open", Assert.Throws<RuleViolated>(() =>
            CloseReviewRoundHandler.Decide(open, new CloseReviewRound(campaign.Id, opened.RoundId, "brand"), [idea with { OpenDisputes = [Guid.NewGuid()] }], Now)).Rule);
    }

    [Fact]
    public void A_closed_round_cannot_close_again_and_an_unknown_one_is_not_found()
    {
        var campaign = CampaignWith(true);
        var idea = UnderReview(campaign);
        var (open, opened) = Opened(campaign, idea);
        open = Decided(open, idea, DecisionOutcome.Selected);
        var close = new CloseReviewRound(campaign.Id, opened.RoundId, "brand");
        var closed = open.Apply(CloseReviewRoundHandler.Decide(open, close, [idea], Now));
        Assert.Equal("review-round-closed", Assert.Throws<RuleViolated>(() => CloseReviewRoundHandler.Decide(closed, close, [], Now)).Rule);
        Assert.Throws<NotFound>(() => CloseReviewRoundHandler.Decide(closed, close with { RoundId = Guid.NewGuid() }, [], Now));
    }

    [Fact]
    public void The_timeline_says_the_round_and_its_result()
    {
        var idea = Guid.NewGuid();
        var timeline = new IdeaTimeline(idea, IdeaStatus.UnderReview, []);
        timeline = IdeaTimelineProjection.Apply(new IdeaEnteredReviewRound(idea, Guid.NewGuid(), Guid.NewGuid(), 3, "brand", Now), timeline);
        timeline = IdeaTimelineProjection.Apply(new IdeaSelected(idea, Guid.NewGuid(), "Bold", "brand", Now, 3), timeline);
        Assert.Equal(IdeaStatus.Selected, timeline.Status);
        Assert.StartsWith("In review round 3:", timeline.Entries[0].Note);
        Assert.Equal("Review round 3 result: Bold", timeline.Entries[1].Note);
        Assert.Equal("Direct", IdeaTimelineProjection.Apply(new IdeaNotSelected(idea, Guid.NewGuid(), "Direct", "brand", Now), timeline).Entries[^1].Note);
    }
}
