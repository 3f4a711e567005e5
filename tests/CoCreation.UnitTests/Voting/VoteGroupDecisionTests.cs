using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Discounting;
using CoCreation.Voting.Ballots.Recording;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Campaigns;
using CoCreation.Voting.Contracts;

namespace CoCreation.UnitTests.Voting;

public class VoteGroupDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Campaign = Guid.NewGuid();

    private static Ballot OpenBallot(params MilestoneRule[] milestones) =>
        Ballot.Create(new BallotOpened(Guid.NewGuid(), Guid.NewGuid(), Campaign, "support", ["alice"],
            milestones.Length > 0 ? milestones : [new MilestoneRule(100, 60)], Now.AddDays(-1)));

    private static VoteGroupState State(IEnumerable<Ballot> ballots, int? budget = null, IEnumerable<VoterCard>? cards = null, params string[] banned) =>
        new(Campaign, ballots.ToDictionary(b => b.IdeaId), ballots.ToDictionary(b => b.IdeaId, _ => 3L),
            (cards ?? []).ToDictionary(c => c.Voter), banned.ToHashSet(),
            new CampaignVotingRules(Guid.NewGuid(), Campaign, "support", budget, [new MilestoneRule(100, 60)]), Now);

    private static PendingVote Cast(Ballot ballot, string voter) =>
        new(new CastVote(ballot.IdeaId, Guid.NewGuid(), voter, null), ballot.IdeaId, voter, new EventOrigin(voter, $"corr-{voter}-{Guid.NewGuid():N}", null));

    private static PendingVote Retract(Ballot ballot, string voter) =>
        new(new RetractVote(ballot.IdeaId, voter), ballot.IdeaId, voter, new EventOrigin(voter, $"corr-{voter}-retract", null));

    private static string? RuleOf(VoteOutcome outcome) => (outcome.Problem as DomainProblem)?.Rule;

    [Fact]
    public void Forty_nine_duplicates_of_one_voter_in_one_group_count_once_and_the_others_are_refused_as_duplicates()
    {
        var ballot = OpenBallot();
        var group = Enumerable.Range(0, 49).Select(_ => Cast(ballot, "bob")).ToList();

        var result = VoteGroupDecision.Decide(State([ballot]), group);

        Assert.Null(result.Outcomes[0].Problem);
        Assert.Equal(1, result.Outcomes[0].Supporters);
        Assert.All(result.Outcomes.Skip(1), o => Assert.Equal("duplicate-vote", RuleOf(o)));
        Assert.Single(result.Appends.Where(a => a.Event is VoteCast));
        var message = Assert.Single(result.Messages);
        Assert.Equal(group[0].Origin, message.Origin);
        Assert.Equal(new IdeaTally(ballot.IdeaId, 1, null, 4), Assert.Single(message.Message.Tallies));
    }

    [Fact]
    public void A_milestone_crossed_mid_group_is_reached_once_by_the_vote_that_crosses_it_under_its_origin()
    {
        var ballot = OpenBallot(new MilestoneRule(3, 10), new MilestoneRule(10, 10));
        var group = new[] { "bob", "carol", "dan", "erin", "frank" }.Select(v => Cast(ballot, v)).ToList();

        var result = VoteGroupDecision.Decide(State([ballot]), group);

        Assert.Equal([1, 2, 3, 4, 5], result.Outcomes.Select(o => o.Supporters));
        var reached = Assert.Single(result.Milestones);
        Assert.Equal((0, 3), (reached.Milestone.Index, reached.Milestone.Supporters));
        Assert.Equal(group[2].Origin, reached.Origin);
        // The milestone is appended right after the third vote, under the third voter's origin.
        var order = result.Appends.Select(a => (a.Event.GetType().Name, a.Origin.Actor)).ToList();
        Assert.Equal(("MilestoneReached", "dan"), order[3]);
        Assert.Equal(6, order.Count);
    }

    [Fact]
    public void Each_voter_in_a_group_gets_its_own_message_under_its_own_correlation_with_the_tally_right_after_its_vote()
    {
        var ballot = OpenBallot();
        var group = new[] { Cast(ballot, "bob"), Cast(ballot, "carol") };

        var result = VoteGroupDecision.Decide(State([ballot]), group);

        Assert.Equal(2, result.Messages.Count);
        Assert.Equal(group.Select(g => g.Origin.CorrelationId), result.Messages.Select(m => m.Origin.CorrelationId));
        Assert.Equal(["bob", "carol"], result.Messages.Select(m => Assert.Single(m.Message.Votes).Voter));
        Assert.Equal([4L, 5L], result.Messages.Select(m => Assert.Single(m.Message.Tallies).TallyVersion));
        Assert.All(result.Appends, a => Assert.Equal(a.Origin.Actor, ((VoteCast)a.Event).Voter));
    }

    [Fact]
    public void A_discount_after_a_ban_voids_the_votes_cast_earlier_in_the_same_group_and_a_later_vote_is_refused()
    {
        var first = OpenBallot();
        var second = OpenBallot();
        var discount = new PendingVote(new DiscountVoter("mallory", "banned"), Guid.Empty, "mallory", new EventOrigin("moderator", "corr-ban", null));
        var group = new[] { Cast(first, "mallory"), Cast(second, "mallory"), discount };

        var result = VoteGroupDecision.Decide(State([first, second]), group);

        Assert.All(result.Outcomes, o => Assert.Null(o.Problem));
        var discounted = result.Appends.Where(a => a.Event is VoteDiscounted).ToList();
        Assert.Equal(new[] { first.IdeaId, second.IdeaId }.Order(), discounted.Select(d => d.IdeaId).Order());
        Assert.All(discounted, d => Assert.Equal("corr-ban", d.Origin.CorrelationId));
        var last = result.Messages.Last();
        Assert.All(last.Message.Votes, v => Assert.Equal(VoteActions.Discounted, v.Action));
        Assert.All(last.Message.Tallies, t => Assert.Equal(0, t.Supporters));

        var banned = VoteGroupDecision.Decide(State([first], banned: "mallory"), [Cast(first, "mallory")]);
        Assert.Equal("member-banned", RuleOf(banned.Outcomes[0]));
        Assert.Empty(banned.Appends);
    }

    [Fact]
    public void The_budget_allows_exactly_its_votes_refuses_one_over_and_a_retraction_in_the_group_gives_one_back()
    {
        var ideas = Enumerable.Range(0, 4).Select(_ => OpenBallot()).ToList();
        var group = new[] { Cast(ideas[0], "bob"), Cast(ideas[1], "bob"), Cast(ideas[2], "bob"), Retract(ideas[0], "bob"), Cast(ideas[2], "bob"), Cast(ideas[3], "bob") };

        var result = VoteGroupDecision.Decide(State(ideas, budget: 2), group);

        Assert.Null(result.Outcomes[0].Problem);
        Assert.Null(result.Outcomes[1].Problem);
        Assert.Equal("vote-budget-exhausted", RuleOf(result.Outcomes[2]));
        Assert.Null(result.Outcomes[3].Problem);
        Assert.Null(result.Outcomes[4].Problem);
        Assert.Equal("vote-budget-exhausted", RuleOf(result.Outcomes[5]));
        Assert.Equal(4, result.Appends.Count);
    }
}
