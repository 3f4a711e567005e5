namespace CoCreation.Voting.Contracts;

public sealed record BallotOpenedIntegrationEvent(Guid IdeaId, Guid CampaignId, DateTimeOffset OpenedAt);

/// <summary>TallyVersion grows with every change of the ballot: a reader keeps the count with the highest version.</summary>
public sealed record VoteCastIntegrationEvent(
    Guid VoteId, Guid IdeaId, Guid CampaignId, string Voter, int? Score, int Supporters, long TallyVersion, DateTimeOffset CastAt);

public sealed record VoteRetractedIntegrationEvent(
    Guid VoteId, Guid IdeaId, Guid CampaignId, string Voter, int Supporters, long TallyVersion, DateTimeOffset RetractedAt);
