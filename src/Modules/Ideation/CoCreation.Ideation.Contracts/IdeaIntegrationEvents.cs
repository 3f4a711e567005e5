namespace CoCreation.Ideation.Contracts;

/// <summary>A new idea or a new revision waits for screening and moderation.</summary>
public sealed record IdeaSubmittedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    int Revision,
    string SubmittedBy,
    IReadOnlyList<string> Authors,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    DateTimeOffset SubmittedAt);

/// <summary>An idea passed moderation and is public: voting may start.</summary>
public sealed record IdeaPublishedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    IReadOnlyList<string> Authors,
    DateTimeOffset PublishedAt);
