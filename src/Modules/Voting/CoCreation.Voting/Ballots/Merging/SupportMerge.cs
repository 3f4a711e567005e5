using CoCreation.Voting.Contracts;

namespace CoCreation.Voting.Ballots.Merging;

/// <summary>
/// What a merge and its undo do to one voter's support, decided without a database. Each change names the idea whose
/// ballot it goes to, the event, and the vote's record for the other modules (null for the leaving half of a move:
/// the arriving half tells where the vote went, and both ideas' tallies travel with it).
/// </summary>
public static class SupportMerge
{
    public const string MergedStatus = "Merged";

    public static BallotClosed? Close(Ballot merged, DateTimeOffset now) =>
        merged.Status == BallotStatus.Open ? new BallotClosed(merged.Id, merged.IdeaId, merged.CampaignId, MergedStatus, now) : null;

    /// <summary>
    /// The voter's vote on the merged idea counts for the target from now on, with its id and cast time; a voter who
    /// already supports the target, or authors it, is counted once: the vote is released and its budget given back.
    /// </summary>
    public static IReadOnlyList<(Guid IdeaId, object Change, VoteRecorded? Record)> Move(Ballot from, Ballot into, VoterCard card, MoveSupport move, DateTimeOffset now)
    {
        if (card.On(from.IdeaId) is not { } vote) return [];
        if (card.On(into.IdeaId) is not null || into.Authors.Contains(card.Voter))
            return [(from.IdeaId, new VoteReleased(from.Id, from.IdeaId, from.CampaignId, vote.VoteId, card.Voter, vote.Score, into.IdeaId, move.MergeId, vote.At, now),
                new VoteRecorded(vote.VoteId, from.IdeaId, card.Voter, VoteActions.Released, vote.Score, now, null, move.MergeId))];
        return
        [
            (from.IdeaId, new VoteMovedAway(from.Id, from.IdeaId, from.CampaignId, vote.VoteId, card.Voter, vote.Score, into.IdeaId, move.MergeId, vote.At, now), null),
            (into.IdeaId, new VoteMovedIn(into.Id, into.IdeaId, into.CampaignId, vote.VoteId, card.Voter, vote.Score, from.IdeaId, move.MergeId, vote.At, now),
                new VoteRecorded(vote.VoteId, into.IdeaId, card.Voter, VoteActions.Moved, vote.Score, now, from.IdeaId, move.MergeId))
        ];
    }

    /// <summary>
    /// A vote the merge moved goes back if it still stands on the target as it arrived (retracted or discounted since:
    /// the voter's or the platform's later choice wins); a vote the merge released counts again.
    /// </summary>
    public static IReadOnlyList<(Guid IdeaId, object Change, VoteRecorded? Record)> Restore(Ballot merged, Ballot target, VoterCard card, MergedVote vote, RestoreSupport restore, DateTimeOffset now)
    {
        if (card.On(merged.IdeaId) is not null) return [];
        if (vote.Released)
            return [(merged.IdeaId, new VoteRestored(merged.Id, merged.IdeaId, merged.CampaignId, vote.VoteId, vote.Voter, vote.Score, null, restore.MergeId, vote.CastAt, now),
                new VoteRecorded(vote.VoteId, merged.IdeaId, vote.Voter, VoteActions.Restored, vote.Score, now, null, restore.MergeId))];
        if (card.On(target.IdeaId)?.VoteId != vote.VoteId) return [];
        return
        [
            (target.IdeaId, new VoteReturned(target.Id, target.IdeaId, target.CampaignId, vote.VoteId, vote.Voter, vote.Score, merged.IdeaId, restore.MergeId, now), null),
            (merged.IdeaId, new VoteRestored(merged.Id, merged.IdeaId, merged.CampaignId, vote.VoteId, vote.Voter, vote.Score, target.IdeaId, restore.MergeId, vote.CastAt, now),
                new VoteRecorded(vote.VoteId, merged.IdeaId, vote.Voter, VoteActions.Restored, vote.Score, now, target.IdeaId, restore.MergeId))
        ];
    }

    /// <summary>
    /// The unmerged idea's ballot takes votes again in the window it was in, given back the time it spent merged. Only
    /// once: a ballot no longer marked Merged has resumed already (a redelivered undo changes nothing).
    /// </summary>
    public static IReadOnlyList<object> Resume(Ballot merged, RestoreSupport restore, DateTimeOffset now)
    {
        if (merged.IdeaStatus != MergedStatus) return [];
        var changes = new List<object>();
        if (merged.Deadline is not null && now > restore.MergedAt)
            changes.Add(new BallotWindowExtended(merged.Id, merged.IdeaId, merged.CampaignId, now - restore.MergedAt, restore.MergeId, now));
        changes.Add(restore.RestoredStatus == "Published"
            ? new BallotReopened(merged.Id, merged.IdeaId, merged.CampaignId, now)
            : new BallotIdeaStatusNoted(merged.Id, merged.IdeaId, merged.CampaignId, restore.RestoredStatus, now));
        return changes;
    }
}
