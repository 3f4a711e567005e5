using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Discounting;
using CoCreation.Voting.Ballots.Merging;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Voting.Campaigns;
using CoCreation.Voting.Contracts;

namespace CoCreation.Voting.Ballots.Recording;

/// <summary>What a group commit loaded: the ballots concerned (with the stream version they were read at), the voters' cards, bans, the campaign's rules and the clock.</summary>
public sealed record VoteGroupState(
    Guid CampaignId, IReadOnlyDictionary<Guid, Ballot> Ballots, IReadOnlyDictionary<Guid, long> Versions,
    IReadOnlyDictionary<string, VoterCard> Cards, IReadOnlySet<string> Banned, CampaignVotingRules? Rules, DateTimeOffset Now,
    IReadOnlyDictionary<Guid, IReadOnlyList<MergedVote>>? MergedVotes = null);

/// <summary>One request's answer: the idea's supporters after it, or the rule that refused it.</summary>
public readonly record struct VoteOutcome(int Supporters, Exception? Problem);

/// <summary>An event to append to an idea's ballot stream, stamped with the origin of the request that caused it.</summary>
public sealed record VoteAppend(Guid IdeaId, object Event, EventOrigin Origin);

/// <summary>A milestone reached by a request, with the ballot after it (for its authors and its next window).</summary>
public sealed record VoteMilestone(MilestoneReached Milestone, Ballot After, EventOrigin Origin);

/// <summary>One integration message of the group: the consecutive changes of one request, under that request's origin.</summary>
public sealed record VoteMessage(VotesRecordedIntegrationEvent Message, EventOrigin Origin);

/// <summary>Reopened: ballots the group reopened (an undone merge), whose window must be scheduled again.</summary>
public sealed record VoteGroupResult(
    IReadOnlyList<VoteOutcome> Outcomes, IReadOnlyList<VoteAppend> Appends, IReadOnlyList<VoteMessage> Messages, IReadOnlyList<VoteMilestone> Milestones,
    IReadOnlyList<Ballot> Reopened);

/// <summary>
/// Decides a group of a campaign's vote changes in arrival order, each against the state left by the ones before it:
/// no database, no clock but the one given. The commit appends, stores and publishes what it returns.
/// </summary>
public static class VoteGroupDecision
{
    private static Ballot Applied(Ballot ballot, object change) => change switch
    {
        VoteMovedAway e => ballot.Apply(e), VoteMovedIn e => ballot.Apply(e), VoteReleased e => ballot.Apply(e),
        VoteReturned e => ballot.Apply(e), VoteRestored e => ballot.Apply(e), BallotWindowExtended e => ballot.Apply(e),
        BallotReopened e => ballot.Apply(e), BallotIdeaStatusNoted e => ballot.Apply(e),
        _ => throw new ArgumentException($"Not a merge change: {change.GetType().Name}")
    };

    private static VoterCard Applied(VoterCard card, object change) => change switch
    {
        VoteMovedAway e => card.Apply(e), VoteMovedIn e => card.Apply(e), VoteReleased e => card.Apply(e),
        VoteReturned e => card.Apply(e), VoteRestored e => card.Apply(e),
        _ => throw new ArgumentException($"Not a vote change: {change.GetType().Name}")
    };

    public static VoteGroupResult Decide(VoteGroupState state, IReadOnlyList<PendingVote> group)
    {
        var now = state.Now;
        var budget = state.Rules?.BudgetPerMember;
        var ballots = new Dictionary<Guid, Ballot>(state.Ballots);
        var cards = new Dictionary<string, VoterCard>(state.Cards);
        var appended = new Dictionary<Guid, int>();
        var outcomes = new VoteOutcome[group.Count];
        var appends = new List<VoteAppend>();
        var messages = new List<VoteMessage>();
        var milestones = new List<VoteMilestone>();
        var reopened = new List<Ballot>();

        for (var i = 0; i < group.Count; i++)
        {
            var vote = group[i];
            var recorded = new List<VoteRecorded>();
            var touched = new List<Guid>();
            try
            {
                if (vote.Command is MoveSupport move)
                {
                    var from = ballots.GetValueOrDefault(move.From) ?? throw new NotFound("ballot of idea", move.From);
                    var into = ballots.GetValueOrDefault(move.Into) ?? throw new NotFound("ballot of idea", move.Into);
                    // No vote reaches the merged idea once its support moves, whatever the order of Ideation's messages.
                    if (SupportMerge.Close(from, now) is { } closed) Put(move.From, from.Apply(closed), closed);
                    foreach (var voterCard in cards.Values.Where(c => c.On(move.From) is not null).OrderBy(c => c.Voter, StringComparer.Ordinal).ToList())
                        foreach (var (ideaId, change, record) in SupportMerge.Move(ballots[move.From], ballots[move.Into], voterCard, move, now))
                            Record(ideaId, Applied(ballots[ideaId], change), voterCard.Voter, Applied(cards[voterCard.Voter], change), change, record);
                    outcomes[i] = new VoteOutcome(0, null);
                }
                else if (vote.Command is RestoreSupport restore)
                {
                    var merged = ballots.GetValueOrDefault(restore.IdeaId) ?? throw new NotFound("ballot of idea", restore.IdeaId);
                    if (ballots.GetValueOrDefault(restore.From) is { } target)
                        foreach (var moved in state.MergedVotes?.GetValueOrDefault(restore.MergeId) ?? [])
                        {
                            var voterCard = cards.GetValueOrDefault(moved.Voter) ?? VoterCard.Empty(state.CampaignId, moved.Voter);
                            cards[moved.Voter] = voterCard;
                            foreach (var (ideaId, change, record) in SupportMerge.Restore(ballots[restore.IdeaId], ballots[restore.From], voterCard, moved, restore, now))
                                Record(ideaId, Applied(ballots[ideaId], change), moved.Voter, Applied(cards[moved.Voter], change), change, record);
                        }
                    foreach (var change in SupportMerge.Resume(ballots[restore.IdeaId], restore, now))
                        Put(restore.IdeaId, Applied(ballots[restore.IdeaId], change), change);
                    if (ballots[restore.IdeaId] is { Status: BallotStatus.Open } resumed && merged.Status != BallotStatus.Open) reopened.Add(resumed);
                    outcomes[i] = new VoteOutcome(0, null);
                }
                else if (vote.Command is DiscountVoter discount)
                {
                    var standing = cards.GetValueOrDefault(vote.Voter)?.Votes.Keys.ToList() ?? [];
                    foreach (var ideaId in standing)
                        if (ballots.GetValueOrDefault(ideaId) is { } target && cards[vote.Voter] is var voterCard
                            && DiscountVotesHandler.Decide(target, voterCard, discount, now) is { } e)
                            Record(ideaId, target.Apply(e), vote.Voter, voterCard.Apply(e), e, new VoteRecorded(e.VoteId, e.IdeaId, e.Voter, VoteActions.Discounted, e.Score, e.DiscountedAt, ReferredBy: voterCard.On(e.IdeaId)?.ReferredBy));
                    outcomes[i] = new VoteOutcome(0, null);
                }
                else
                {
                    var ballot = ballots.GetValueOrDefault(vote.IdeaId) ?? throw new NotFound("idea", vote.IdeaId);
                    var card = cards.GetValueOrDefault(vote.Voter) ?? VoterCard.Empty(state.CampaignId, vote.Voter);
                    object change = vote.Command switch
                    {
                        CastVote cast => CastVoteHandler.Decide(ballot, card, budget, state.Banned.Contains(vote.Voter), cast, now, state.Rules?.Organisation, state.Rules?.VotingUntil),
                        RetractVote retract => RetractVoteHandler.Decide(ballot, card, retract, now, state.Rules?.VotingUntil),
                        _ => throw new ArgumentException($"Not a vote change: {vote.Command.GetType().Name}")
                    };
                    switch (change)
                    {
                        case VoteCast e:
                            Record(vote.IdeaId, ballot.Apply(e), vote.Voter, card.Apply(e), e, new VoteRecorded(e.VoteId, e.IdeaId, e.Voter, VoteActions.Cast, e.Score, e.CastAt, ReferredBy: e.ReferredBy));
                            break;
                        case VoteRetracted e:
                            Record(vote.IdeaId, ballot.Apply(e), vote.Voter, card.Apply(e), e, new VoteRecorded(e.VoteId, e.IdeaId, e.Voter, VoteActions.Retracted, e.Score, e.RetractedAt, ReferredBy: card.On(e.IdeaId)?.ReferredBy));
                            break;
                    }
                    outcomes[i] = new VoteOutcome(ballots[vote.IdeaId].Supporters, null);
                }
            }
            catch (DomainProblem problem)
            {
                outcomes[i] = new VoteOutcome(0, problem);
            }

            if (recorded.Count > 0)
            {
                // Each request's changes travel under its own correlation; the tallies are the ideas' state right after them.
                var tallies = touched.Distinct().Select(id => new IdeaTally(id, ballots[id].Supporters, ballots[id].AverageScore,
                    state.Versions.GetValueOrDefault(id) + appended[id])).ToList();
                messages.Add(new VoteMessage(new VotesRecordedIntegrationEvent(state.CampaignId, recorded, tallies, now), vote.Origin));
            }

            // Keeps the change (its ballot and card already applied), and the milestone it reaches, if any.
            // A change without a record (the leaving half of a move) still changes the idea's tally.
            void Record(Guid ideaId, Ballot ballot, string voter, VoterCard card, object change, VoteRecorded? record)
            {
                Append(ideaId, change);
                if (record is not null) recorded.Add(record);
                touched.Add(ideaId);
                if (BallotRules.MilestoneFor(ballot, now) is { } milestone)
                {
                    ballot = ballot.Apply(milestone);
                    Append(ideaId, milestone);
                    milestones.Add(new VoteMilestone(milestone, ballot, vote.Origin));
                }
                ballots[ideaId] = ballot;
                cards[voter] = card;
            }

            // A change of the ballot alone (closed, reopened, its window extended).
            void Put(Guid ideaId, Ballot ballot, object change)
            {
                Append(ideaId, change);
                ballots[ideaId] = ballot;
            }

            void Append(Guid ideaId, object e)
            {
                appends.Add(new VoteAppend(ideaId, e, vote.Origin));
                appended[ideaId] = appended.GetValueOrDefault(ideaId) + 1;
            }
        }
        return new VoteGroupResult(outcomes, appends, messages, milestones, reopened);
    }
}
