using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Merging;
using CoCreation.Voting.Ballots.Recording;
using CoCreation.Voting.Campaigns;
using CoCreation.Voting.Contracts;

namespace CoCreation.UnitTests.Voting;

/// <summary>A merge moves the duplicate's support to the target (counted once per member), and its undo puts back exactly what it took.</summary>
public class SupportMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly EventOrigin Moderator = new("mod", "corr-merge", null);

    private static Ballot Open(string author, params MilestoneRule[] ladder) =>
        Ballot.Create(new BallotOpened(Guid.NewGuid(), Guid.NewGuid(), Campaign, "support", [author],
            ladder.Length > 0 ? ladder : [new MilestoneRule(100, 60)], Now.AddDays(-10)));

    private static VoteGroupState State(IEnumerable<Ballot> ballots, IEnumerable<VoterCard> cards, int? budget = null,
        IReadOnlyDictionary<Guid, IReadOnlyList<MergedVote>>? merged = null, DateTimeOffset? now = null) =>
        new(Campaign, ballots.ToDictionary(b => b.IdeaId), ballots.ToDictionary(b => b.IdeaId, _ => 1L), cards.ToDictionary(c => c.Voter),
            new HashSet<string>(), new CampaignVotingRules(Guid.NewGuid(), Campaign, "support", budget, [new MilestoneRule(100, 60)]), now ?? Now, merged);

    /// <summary>Casts each voter's votes through the decision itself, so the ballots and cards are what the store would hold.</summary>
    private static (Dictionary<Guid, Ballot> Ballots, Dictionary<string, VoterCard> Cards) Voted(IEnumerable<Ballot> ballots, params (string Voter, Ballot On)[] votes)
    {
        var all = ballots.ToDictionary(b => b.IdeaId);
        var cards = new Dictionary<string, VoterCard>();
        foreach (var (voter, on) in votes)
        {
            var card = cards.GetValueOrDefault(voter) ?? VoterCard.Empty(Campaign, voter);
            var cast = CastVoteHandler.Decide(all[on.IdeaId], card, null, false, new CastVote(on.IdeaId, Guid.NewGuid(), voter, null), Now.AddDays(-1));
            all[on.IdeaId] = all[on.IdeaId].Apply(cast);
            cards[voter] = card.Apply(cast);
        }
        return (all, cards);
    }

    private static PendingVote Command(object command) => new(command, Guid.Empty, "mod", Moderator);

    private static (Dictionary<Guid, Ballot> Ballots, Dictionary<string, VoterCard> Cards) Applied(VoteGroupState state, VoteGroupResult result)
    {
        var ballots = new Dictionary<Guid, Ballot>(state.Ballots);
        var cards = new Dictionary<string, VoterCard>(state.Cards);
        foreach (var append in result.Appends)
        {
            var b = ballots[append.IdeaId];
            ballots[append.IdeaId] = append.Event switch
            {
                VoteMovedAway e => b.Apply(e), VoteMovedIn e => b.Apply(e), VoteReleased e => b.Apply(e), VoteReturned e => b.Apply(e),
                VoteRestored e => b.Apply(e), BallotClosed e => b.Apply(e), BallotReopened e => b.Apply(e), BallotWindowExtended e => b.Apply(e),
                MilestoneReached e => b.Apply(e), _ => b
            };
            (string Voter, Func<VoterCard, VoterCard> Change)? card = append.Event switch
            {
                VoteMovedAway e => (e.Voter, c => c.Apply(e)), VoteMovedIn e => (e.Voter, c => c.Apply(e)), VoteReleased e => (e.Voter, c => c.Apply(e)),
                VoteReturned e => (e.Voter, c => c.Apply(e)), VoteRestored e => (e.Voter, c => c.Apply(e)), _ => null
            };
            if (card is { } change) cards[change.Voter] = change.Change(cards.GetValueOrDefault(change.Voter) ?? VoterCard.Empty(Campaign, change.Voter));
        }
        return (ballots, cards);
    }

    private static Dictionary<Guid, IReadOnlyList<MergedVote>> TakenBy(Guid mergeId, VoteGroupResult merge) =>
        new()
        {
            [mergeId] = merge.Appends.Select(a => a.Event switch
            {
                VoteMovedAway e => new MergedVote(e.Voter, e.VoteId, e.Score, false, e.CastAt),
                VoteReleased e => new MergedVote(e.Voter, e.VoteId, e.Score, true, e.CastAt),
                _ => null
            }).OfType<MergedVote>().ToList()
        };

    [Fact]
    public void Merge_moves_each_standing_vote_once_releases_a_voter_who_supported_both_and_closes_the_duplicate()
    {
        var duplicate = Open("bea");
        var target = Open("alice");
        var (ballots, cards) = Voted([duplicate, target], ("ann", duplicate), ("bob", duplicate), ("bob", target), ("cat", target), ("alice", duplicate));
        var mergeId = Guid.NewGuid();
        var state = State(ballots.Values, cards.Values);

        var result = VoteGroupDecision.Decide(state, [Command(new MoveSupport(mergeId, duplicate.IdeaId, target.IdeaId))]);
        var (after, afterCards) = Applied(state, result);

        Assert.Equal(BallotStatus.Closed, after[duplicate.IdeaId].Status);
        Assert.Equal(0, after[duplicate.IdeaId].Supporters);
        // ann moves; bob counts once; alice (the target's author) cannot support her own idea, so her vote is released.
        Assert.Equal(3, after[target.IdeaId].Supporters);
        Assert.Equal(cards["ann"].On(duplicate.IdeaId)!.VoteId, afterCards["ann"].On(target.IdeaId)!.VoteId);
        Assert.Null(afterCards["bob"].On(duplicate.IdeaId));
        Assert.Single(afterCards["bob"].Votes);
        Assert.Empty(afterCards["alice"].Votes);
        var records = Assert.Single(result.Messages).Message.Votes;
        Assert.Equal(["alice:Released", "ann:Moved", "bob:Released"], records.Select(r => $"{r.Voter}:{r.Action}").Order());
        Assert.All(records.Where(r => r.Action == VoteActions.Moved), r => Assert.Equal(duplicate.IdeaId, r.From));
        Assert.All(records, r => Assert.Equal(mergeId, r.MergeId));
        var tallies = result.Messages[0].Message.Tallies.ToDictionary(t => t.IdeaId, t => t.Supporters);
        Assert.Equal(0, tallies[duplicate.IdeaId]);
        Assert.Equal(3, tallies[target.IdeaId]);
    }

    [Fact]
    public void Merge_reaches_the_targets_milestone_when_the_moved_votes_cross_it()
    {
        var duplicate = Open("bea");
        var target = Open("alice", new MilestoneRule(3, 30), new MilestoneRule(100, 30));
        var (ballots, cards) = Voted([duplicate, target], ("ann", duplicate), ("bob", duplicate), ("cat", target));
        var state = State(ballots.Values, cards.Values);

        var result = VoteGroupDecision.Decide(state, [Command(new MoveSupport(Guid.NewGuid(), duplicate.IdeaId, target.IdeaId))]);

        var milestone = Assert.Single(result.Milestones);
        Assert.Equal(target.IdeaId, milestone.Milestone.IdeaId);
        Assert.Equal(3, milestone.Milestone.Supporters);
        Assert.Equal(Moderator, milestone.Origin);
    }

    [Fact]
    public void Unmerge_restores_both_tallies_and_every_card_exactly_and_gives_the_duplicate_back_the_time_it_spent_merged()
    {
        var duplicate = Open("bea");
        var target = Open("alice");
        var (ballots, cards) = Voted([duplicate, target], ("ann", duplicate), ("bob", duplicate), ("bob", target), ("cat", target), ("dan", duplicate));
        var before = (Duplicate: ballots[duplicate.IdeaId], Target: ballots[target.IdeaId], Cards: cards.ToDictionary(c => c.Key, c => c.Value.Votes.OrderBy(v => v.Key).ToList()));
        var mergeId = Guid.NewGuid();
        var mergeState = State(ballots.Values, cards.Values);
        var merge = VoteGroupDecision.Decide(mergeState, [Command(new MoveSupport(mergeId, duplicate.IdeaId, target.IdeaId))]);
        var (merged, mergedCards) = Applied(mergeState, merge);
        merged[duplicate.IdeaId] = merged[duplicate.IdeaId].Apply(new BallotIdeaStatusNoted(duplicate.Id, duplicate.IdeaId, Campaign, "Merged", Now));

        // Meanwhile dan takes back the vote that moved: his later choice wins over the undo.
        var danRetracts = merged[target.IdeaId].Apply(new VoteRetracted(target.Id, target.IdeaId, Campaign, mergedCards["dan"].On(target.IdeaId)!.VoteId, "dan", null, Now.AddDays(1)));
        merged[target.IdeaId] = danRetracts;
        mergedCards["dan"] = mergedCards["dan"].Apply(new VoteRetracted(target.Id, target.IdeaId, Campaign, mergedCards["dan"].On(target.IdeaId)!.VoteId, "dan", null, Now.AddDays(1)));

        var later = Now.AddDays(3);
        var undoState = State(merged.Values, mergedCards.Values, merged: TakenBy(mergeId, merge), now: later);
        var undo = VoteGroupDecision.Decide(undoState, [Command(new RestoreSupport(mergeId, duplicate.IdeaId, target.IdeaId, Now, "Published"))]);
        var (restored, restoredCards) = Applied(undoState, undo);

        Assert.Equal(before.Duplicate.Supporters - 1, restored[duplicate.IdeaId].Supporters);
        Assert.Equal(before.Target.Supporters, restored[target.IdeaId].Supporters);
        foreach (var voter in new[] { "ann", "bob", "cat" })
            Assert.Equal(before.Cards[voter], restoredCards[voter].Votes.OrderBy(v => v.Key).ToList());
        Assert.Empty(restoredCards["dan"].Votes);
        Assert.Equal(BallotStatus.Open, restored[duplicate.IdeaId].Status);
        Assert.Equal(before.Duplicate.Deadline + TimeSpan.FromDays(3), restored[duplicate.IdeaId].Deadline);
        Assert.Equal(duplicate.IdeaId, Assert.Single(undo.Reopened).IdeaId);
        Assert.Equal(["ann:Restored", "bob:Restored"], Assert.Single(undo.Messages).Message.Votes.Select(r => $"{r.Voter}:{r.Action}").Order());
    }

    [Fact]
    public void A_redelivered_merge_or_undo_changes_nothing()
    {
        var duplicate = Open("bea");
        var target = Open("alice");
        var (ballots, cards) = Voted([duplicate, target], ("ann", duplicate), ("bob", duplicate), ("bob", target));
        var mergeId = Guid.NewGuid();
        var state = State(ballots.Values, cards.Values);
        var merge = VoteGroupDecision.Decide(state, [Command(new MoveSupport(mergeId, duplicate.IdeaId, target.IdeaId))]);
        var (merged, mergedCards) = Applied(state, merge);

        var again = VoteGroupDecision.Decide(State(merged.Values, mergedCards.Values), [Command(new MoveSupport(mergeId, duplicate.IdeaId, target.IdeaId))]);
        Assert.Empty(again.Appends);

        merged[duplicate.IdeaId] = merged[duplicate.IdeaId].Apply(new BallotIdeaStatusNoted(duplicate.Id, duplicate.IdeaId, Campaign, "Merged", Now));
        var undoState = State(merged.Values, mergedCards.Values, merged: TakenBy(mergeId, merge));
        var undo = VoteGroupDecision.Decide(undoState, [Command(new RestoreSupport(mergeId, duplicate.IdeaId, target.IdeaId, Now, "Published"))]);
        var (restored, restoredCards) = Applied(undoState, undo);
        var twice = VoteGroupDecision.Decide(State(restored.Values, restoredCards.Values, merged: TakenBy(mergeId, merge)),
            [Command(new RestoreSupport(mergeId, duplicate.IdeaId, target.IdeaId, Now, "Published"))]);
        Assert.Empty(twice.Appends);
    }
}
