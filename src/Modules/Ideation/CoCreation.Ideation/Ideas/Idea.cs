using CoCreation.BuildingBlocks.Metadata;

namespace CoCreation.Ideation.Ideas;

public enum IdeaStatus
{
    Submitted, Published, Rejected, Hidden, Expired, UnderReview, Selected, NotSelected, InProduction, Launched, Withdrawn
}

public sealed record IdeaSubmitted(
    Guid IdeaId, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags,
    string SubmittedBy, DateTimeOffset SubmittedAt) : ICampaignScoped;

public sealed record IdeaPublished(Guid IdeaId, Guid CampaignId, Guid ModerationItemId, string DecidedBy, DateTimeOffset PublishedAt) : ICampaignScoped;

public sealed record IdeaRejected(
    Guid IdeaId, Guid CampaignId, Guid ModerationItemId, string ReasonCode, string? Note, string DecidedBy, DateTimeOffset RejectedAt) : ICampaignScoped;

public sealed record IdeaSupportersCounted(Guid IdeaId, Guid CampaignId, int Supporters, long TallyVersion, DateTimeOffset CountedAt) : ICampaignScoped;

/// <summary>The idea's write model: what its decisions need.</summary>
public sealed record Idea(Guid Id, Guid CampaignId, IdeaStatus Status, int Revision, IReadOnlyList<string> Authors, long TallyVersion = 0)
{
    public static Idea Create(IdeaSubmitted e) => new(e.IdeaId, e.CampaignId, IdeaStatus.Submitted, 1, [e.SubmittedBy]);

    public Idea Apply(IdeaPublished _) => this with { Status = IdeaStatus.Published };

    public Idea Apply(IdeaRejected _) => this with { Status = IdeaStatus.Rejected };

    public Idea Apply(IdeaSupportersCounted e) => this with { TallyVersion = e.TallyVersion };
}
