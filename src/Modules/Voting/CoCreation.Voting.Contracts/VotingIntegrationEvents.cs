namespace CoCreation.Voting.Contracts;

public sealed record BallotOpenedIntegrationEvent(Guid IdeaId, Guid CampaignId, DateTimeOffset OpenedAt);

/// <summary>TallyVersion grows with every change of the ballot: a reader keeps the count with the highest version.</summary>
public sealed record VoteCastIntegrationEvent(
    Guid VoteId, Guid IdeaId, Guid CampaignId, string Voter, int? Score, int Supporters, long TallyVersion, DateTimeOffset CastAt);

public sealed record VoteRetractedIntegrationEvent(
    Guid VoteId, Guid IdeaId, Guid CampaignId, string Voter, int Supporters, long TallyVersion, DateTimeOffset RetractedAt);

/// <summary>An idea reached a milestone of its campaign's ladder; IsFinal means it now goes to the brand's review.</summary>
public sealed record MilestoneReachedIntegrationEvent(
    Guid IdeaId, Guid CampaignId, int MilestoneIndex, int Supporters, bool IsFinal, DateTimeOffset ReachedAt);

/// <summary>An idea missed a milestone's window: it expires and voting stops.</summary>
public sealed record IdeaExpiredIntegrationEvent(
    Guid IdeaId, Guid CampaignId, int MilestoneIndex, int Supporters, DateTimeOffset Deadline, DateTimeOffset ExpiredAt);
