namespace CoCreation.Voting.Contracts;

public sealed record BallotOpenedIntegrationEvent(Guid IdeaId, Guid CampaignId, DateTimeOffset OpenedAt);

public sealed record VoteCastIntegrationEvent(
    Guid VoteId, Guid IdeaId, Guid CampaignId, string Voter, int? Score, int Supporters, DateTimeOffset CastAt);

public sealed record VoteRetractedIntegrationEvent(
    Guid VoteId, Guid IdeaId, Guid CampaignId, string Voter, int Supporters, DateTimeOffset RetractedAt);
