using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Granting;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Discounting;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Voting.Ballots.Windows;
using CoCreation.Voting.Contracts;

namespace CoCreation.UnitTests;

public class VotingDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Ballot OpenBallot(string mode = "support", params MilestoneRule[] milestones) =>
        Ballot.Create(new BallotOpened(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), mode, ["alice"],
            milestones.Length > 0 ? milestones : [new MilestoneRule(100, 60)], Now));

    private static VoterCard Card(Ballot ballot, string voter) => VoterCard.Empty(ballot.CampaignId, voter);

    private static VoteCast Cast(Ballot ballot, VoterCard card, DateTimeOffset at, int? score = null, int? budget = null, bool banned = false) =>
        CastVoteHandler.Decide(ballot, card, budget, banned, new CastVote(ballot.IdeaId, Guid.NewGuid(), card.Voter, score), at);

    [Fact]
    public void Milestones_are_reached_in_order_each_window_starting_at_the_previous_one_and_the_last_completes_voting()
    {
        var ballot = OpenBallot("support", new MilestoneRule(1, 10), new MilestoneRule(2, 5));
        Assert.Equal(Now.AddDays(10), ballot.Deadline);
        ballot = ballot.Apply(Cast(ballot, Card(ballot, "bob"), Now.AddDays(3)));
        var first = BallotRules.MilestoneFor(ballot, Now.AddDays(3))!;
        Assert.Equal((0, false), (first.Index, first.IsFinal));
        ballot = ballot.Apply(first);
        Assert.Equal(Now.AddDays(8), ballot.Deadline);
        Assert.Null(BallotRules.MilestoneFor(ballot, Now.AddDays(3)));

        Assert.Equal("voting-deadline-passed", Assert.Throws<RuleViolated>(() => Cast(ballot, Card(ballot, "carol"), Now.AddDays(9))).Rule);
        ballot = ballot.Apply(Cast(ballot, Card(ballot, "carol"), Now.AddDays(7)));
        var last = BallotRules.MilestoneFor(ballot, Now.AddDays(7))!;
        Assert.True(last.IsFinal);
        ballot = ballot.Apply(last);
        Assert.Equal((BallotStatus.Completed, (DateTimeOffset?)null), (ballot.Status, ballot.Deadline));
        Assert.Equal("voting-closed", Assert.Throws<RuleViolated>(() => Cast(ballot, Card(ballot, "dan"), Now.AddDays(7))).Rule);
    }

    [Fact]
    public void A_vote_counts_once_per_member_never_for_ones_own_idea_and_never_from_a_banned_member()
    {
        var ballot = OpenBallot();
        var bob = Card(ballot, "bob");
        var cast = Cast(ballot, bob, Now);
        (ballot, bob) = (ballot.Apply(cast), bob.Apply(cast));
        Assert.Equal(1, ballot.Supporters);
        Assert.Equal("duplicate-vote", Assert.Throws<RuleViolated>(() => Cast(ballot, bob, Now)).Rule);
        Assert.Equal("self-vote", Assert.Throws<RuleViolated>(() => Cast(ballot, Card(ballot, "alice"), Now)).Rule);
        Assert.Equal("member-banned", Assert.Throws<Forbidden>(() => Cast(ballot, Card(ballot, "mallory"), Now, banned: true)).Rule);
    }

    [Fact]
    public void The_budget_counts_standing_votes_of_the_campaign_and_a_retraction_gives_one_back()
    {
        var first = OpenBallot();
        var second = first with { Id = Guid.NewGuid(), IdeaId = Guid.NewGuid() };
        var third = first with { Id = Guid.NewGuid(), IdeaId = Guid.NewGuid() };
        var bob = Card(first, "bob");
        bob = bob.Apply(Cast(first, bob, Now, budget: 2));
        bob = bob.Apply(Cast(second, bob, Now, budget: 2));
        Assert.Equal("vote-budget-exhausted", Assert.Throws<RuleViolated>(() => Cast(third, bob, Now, budget: 2)).Rule);

        var retracted = RetractVoteHandler.Decide(first, bob, new RetractVote(first.IdeaId, "bob"), Now);
        Assert.Equal(bob.On(first.IdeaId)!.VoteId, retracted.VoteId);
        bob = bob.Apply(retracted);
        Assert.Null(bob.On(first.IdeaId));
        Assert.Equal(third.IdeaId, Cast(third, bob, Now, budget: 2).IdeaId);
    }

    [Fact]
    public void Retracting_needs_a_standing_vote_and_an_open_ballot()
    {
        var ballot = OpenBallot();
        var bob = Card(ballot, "bob");
        Assert.Throws<NotFound>(() => RetractVoteHandler.Decide(ballot, bob, new RetractVote(ballot.IdeaId, "bob"), Now));
        var cast = Cast(ballot, bob, Now);
        (ballot, bob) = (ballot.Apply(cast), bob.Apply(cast));
        var closed = ballot.Apply(new BallotClosed(ballot.Id, ballot.IdeaId, ballot.CampaignId, "Hidden", Now));
        Assert.Equal("voting-closed", Assert.Throws<RuleViolated>(() => RetractVoteHandler.Decide(closed, bob, new RetractVote(ballot.IdeaId, "bob"), Now)).Rule);
        Assert.Equal(0, ballot.Apply(RetractVoteHandler.Decide(ballot, bob, new RetractVote(ballot.IdeaId, "bob"), Now)).Supporters);
    }

    [Fact]
    public void Rating_ballots_need_a_score_and_keep_the_average_through_retractions_and_discounts()
    {
        var ballot = OpenBallot("rating");
        Assert.Throws<ValidationFailed>(() => Cast(ballot, Card(ballot, "bob"), Now));
        var bob = Card(ballot, "bob");
        var carol = Card(ballot, "carol");
        var dan = Card(ballot, "dan");
        foreach (var (card, score) in new[] { (bob, 5), (carol, 2), (dan, 4) })
        {
            var cast = Cast(ballot, card, Now, score);
            ballot = ballot.Apply(cast);
            if (card == bob) bob = bob.Apply(cast);
            if (card == dan) dan = dan.Apply(cast);
        }
        Assert.Equal(3.67, ballot.AverageScore);
        ballot = ballot.Apply(RetractVoteHandler.Decide(ballot, bob, new RetractVote(ballot.IdeaId, "bob"), Now));
        Assert.Equal(3.0, ballot.AverageScore);
        ballot = ballot.Apply(DiscountVotesHandler.Decide(ballot, dan, new DiscountVoter("dan", "banned"), Now)!);
        Assert.Equal((1, 2.0), (ballot.Supporters, ballot.AverageScore!.Value));
        Assert.Throws<ValidationFailed>(() => CastVoteHandler.ToCommand(new VoteRequest(6), Guid.NewGuid(), new CoCreation.BuildingBlocks.Auth.Viewer("eve", new HashSet<string> { "participant" }, null)));
        Assert.Throws<ValidationFailed>(() => Cast(OpenBallot("support"), Card(ballot, "eve"), Now, score: 3));
    }

    [Fact]
    public void A_discount_applies_even_after_voting_stopped_and_only_to_a_standing_vote()
    {
        var ballot = OpenBallot("support", new MilestoneRule(1, 10));
        var bob = Card(ballot, "bob");
        var cast = Cast(ballot, bob, Now);
        (ballot, bob) = (ballot.Apply(cast), bob.Apply(cast));
        ballot = ballot.Apply(BallotRules.MilestoneFor(ballot, Now)!);
        Assert.Equal(BallotStatus.Completed, ballot.Status);
        var discounted = DiscountVotesHandler.Decide(ballot, bob, new DiscountVoter("bob", "banned: spam"), Now)!;
        Assert.Equal(cast.VoteId, discounted.VoteId);
        (ballot, bob) = (ballot.Apply(discounted), bob.Apply(discounted));
        Assert.Equal(0, ballot.Supporters);
        Assert.Null(DiscountVotesHandler.Decide(ballot, bob, new DiscountVoter("bob", "banned: spam"), Now));
    }

    [Fact]
    public void A_window_expires_the_ballot_only_after_its_deadline_and_only_if_that_milestone_is_still_awaited()
    {
        var ballot = OpenBallot("support", new MilestoneRule(1, 10), new MilestoneRule(5, 10));
        var due = new MilestoneWindowClosing(ballot.IdeaId, ballot.CampaignId, 0);
        Assert.Null(MilestoneWindow.Decide(ballot, due, Now.AddDays(10)));
        var expired = MilestoneWindow.Decide(ballot, due, Now.AddDays(10).AddSeconds(1))!;
        Assert.Equal((0, 0, Now.AddDays(10)), (expired.Index, expired.Supporters, expired.Deadline));
        Assert.Equal(BallotStatus.Expired, ballot.Apply(expired).Status);

        ballot = ballot.Apply(Cast(ballot, Card(ballot, "bob"), Now.AddDays(1)));
        ballot = ballot.Apply(BallotRules.MilestoneFor(ballot, Now.AddDays(1))!);
        Assert.Null(MilestoneWindow.Decide(ballot, due, Now.AddDays(10).AddSeconds(1)));
        Assert.Equal(1, MilestoneWindow.Decide(ballot, due with { Index = 1 }, Now.AddDays(11).AddSeconds(1))!.Index);
    }

    [Fact]
    public void A_closed_window_is_scheduled_in_real_time_shifted_by_the_application_clock_offset()
    {
        var ballot = OpenBallot("support", new MilestoneRule(1, 10));
        var clock = new CoCreation.BuildingBlocks.Time.AppClock();
        clock.Advance(TimeSpan.FromDays(3));
        var (message, at) = MilestoneWindow.Closing(ballot, clock)!.Value;
        Assert.Equal(0, message.Index);
        Assert.InRange(at - Now.AddDays(7), TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
        Assert.Null(MilestoneWindow.Closing(ballot.Apply(new BallotClosed(ballot.Id, ballot.IdeaId, ballot.CampaignId, "Hidden", Now)), clock));
    }

    [Fact]
    public void Rewards_reverse_exactly_the_points_a_cast_earned_once()
    {
        var voteId = Guid.NewGuid();
        var campaignId = Guid.NewGuid();
        var earned = GrantPointsHandler.Decide(null, "bob", campaignId, 2, "vote-cast", $"vote-cast:{voteId}", Now)!;
        var ledger = Ledger.Create(earned);
        var retracted = new VoteRecorded(voteId, Guid.NewGuid(), "bob", VoteActions.Retracted, null, Now);
        var reversal = GrantPointsHandler.ReverseVote(ledger, retracted, campaignId, Now)!;
        Assert.Equal(-2, reversal.Points);
        ledger = ledger.Apply(reversal);
        Assert.Equal(0, ledger.Points);
        Assert.Null(GrantPointsHandler.ReverseVote(ledger, retracted, campaignId, Now));
        Assert.Null(GrantPointsHandler.ReverseVote(ledger, retracted with { VoteId = Guid.NewGuid() }, campaignId, Now));
    }
}
