namespace CoCreation.Voting.Contracts;

public sealed record BallotOpenedIntegrationEvent(Guid IdeaId, Guid CampaignId, DateTimeOffset OpenedAt);

public static class VoteActions
{
    public const string Cast = "Cast";
    public const string Retracted = "Retracted";
    public const string Discounted = "Discounted";
}

/// <summary>One vote's change. VoteId is the id of the cast; a retraction or discount names the cast it undoes.</summary>
public sealed record VoteRecorded(Guid VoteId, Guid IdeaId, string Voter, string Action, int? Score, DateTimeOffset At);

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
