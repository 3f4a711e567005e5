using CoCreation.BuildingBlocks.Metadata;

namespace CoCreation.Voting.Ballots.Merging;

/// <summary>On the merged idea's ballot: the vote left it for <see cref="Into"/>, where it now counts (same vote id, same cast time).</summary>
public sealed record VoteMovedAway(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, Guid Into, Guid MergeId, DateTimeOffset? CastAt, DateTimeOffset MovedAt) : ICampaignScoped;

/// <summary>On the target's ballot: a vote of the merged idea <see cref="From"/> counts here now.</summary>
public sealed record VoteMovedIn(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, Guid From, Guid MergeId, DateTimeOffset? CastAt, DateTimeOffset MovedAt) : ICampaignScoped;

/// <summary>On the merged idea's ballot: its voter already supported <see cref="Into"/>, so the vote no longer counts anywhere and its budget is given back.</summary>
public sealed record VoteReleased(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, Guid Into, Guid MergeId, DateTimeOffset? CastAt, DateTimeOffset ReleasedAt) : ICampaignScoped;

/// <summary>On the target's ballot, when the merge is undone: a vote that came from <see cref="To"/> goes back to it.</summary>
public sealed record VoteReturned(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, Guid To, Guid MergeId, DateTimeOffset ReturnedAt) : ICampaignScoped;

/// <summary>On the unmerged idea's ballot: its vote counts here again (moved back from <see cref="From"/>, or re-counted when it had been released: From null).</summary>
public sealed record VoteRestored(
    Guid BallotId, Guid IdeaId, Guid CampaignId, Guid VoteId, string Voter, int? Score, Guid? From, Guid MergeId, DateTimeOffset? CastAt, DateTimeOffset RestoredAt) : ICampaignScoped;

/// <summary>The ballot's milestone window gives back the time it spent merged: an undone merge costs the idea none of its window.</summary>
public sealed record BallotWindowExtended(Guid BallotId, Guid IdeaId, Guid CampaignId, TimeSpan By, Guid MergeId, DateTimeOffset ExtendedAt) : ICampaignScoped;
