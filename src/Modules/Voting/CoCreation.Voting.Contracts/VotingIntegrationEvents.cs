namespace CoCreation.Voting.Contracts;

public sealed record BallotOpenedIntegrationEvent(Guid IdeaId, Guid CampaignId, DateTimeOffset OpenedAt);

public static class VoteActions
{
    public const string Cast = "Cast";
    public const string Retracted = "Retracted";
    public const string Discounted = "Discounted";

    /// <summary>A merge moved the vote: it now counts for IdeaId, no longer for From.</summary>
    public const string Moved = "Moved";

    /// <summary>A merge released the vote (its voter supported the target too): it no longer counts for IdeaId, and its budget is back.</summary>
    public const string Released = "Released";

    /// <summary>A merge was undone: the vote counts for IdeaId again, no longer for From (null when it had been released).</summary>
    public const string Restored = "Restored";

    /// <summary>Whether the vote counts for the change's idea after this change.</summary>
    public static bool Stands(string action) => action is Cast or Moved or Restored;
}

/// <summary>
/// One vote's change. VoteId is the id of the cast; a retraction, discount, move, release or restoration names the
/// cast it concerns. From and MergeId: for the changes of a merge and its undo, the idea the vote left and the merge.
/// ReferredBy: the member whose share link brought the vote (on its cast, and on its retraction or discount).
/// </summary>
public sealed record VoteRecorded(Guid VoteId, Guid IdeaId, string Voter, string Action, int? Score, DateTimeOffset At, Guid? From = null, Guid? MergeId = null,
    string? ReferredBy = null);

/// <summary>TallyVersion grows with every change of the ballot: a reader keeps the count with the highest version.</summary>
public sealed record IdeaTally(Guid IdeaId, int Supporters, double? AverageScore, long TallyVersion);

/// <summary>
/// The votes of one campaign committed together (Voting writes votes in groups, see docs/adr/0008), in the
/// order they were recorded, and the resulting tally of every idea they touched.
/// </summary>
public sealed record VotesRecordedIntegrationEvent(Guid CampaignId, IReadOnlyList<VoteRecorded> Votes, IReadOnlyList<IdeaTally> Tallies, DateTimeOffset RecordedAt);

/// <summary>An idea reached a milestone of its campaign's ladder; IsFinal means it now goes to the brand's review.</summary>
public sealed record MilestoneReachedIntegrationEvent(
    Guid IdeaId, Guid CampaignId, int MilestoneIndex, int Supporters, bool IsFinal, IReadOnlyList<string> Authors, DateTimeOffset ReachedAt);

/// <summary>An idea missed a milestone's window: it expires and voting stops.</summary>
public sealed record IdeaExpiredIntegrationEvent(
    Guid IdeaId, Guid CampaignId, int MilestoneIndex, int Supporters, DateTimeOffset Deadline, DateTimeOffset ExpiredAt);
