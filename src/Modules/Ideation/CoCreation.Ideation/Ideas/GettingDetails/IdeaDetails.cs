using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Ideas.GettingDetails;

/// <summary>The idea as the contract shows it; also what the campaign's idea list pages through.</summary>
public sealed record IdeaDetails(
    Guid Id, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors, IdeaStatus Status, int Revision, int Supporters, DateTimeOffset CreatedAt);

public sealed class IdeaDetailsProjection : SingleStreamProjection<IdeaDetails, Guid>
{
    public static IdeaDetails Create(IdeaSubmitted e) =>
        new(e.IdeaId, e.CampaignId, e.Title, e.Description, e.Tags, [e.SubmittedBy], IdeaStatus.Submitted, 1, 0, e.SubmittedAt);

    public static IdeaDetails Apply(IdeaPublished _, IdeaDetails view) => view with { Status = IdeaStatus.Published };

    public static IdeaDetails Apply(IdeaRejected _, IdeaDetails view) => view with { Status = IdeaStatus.Rejected };

    public static IdeaDetails Apply(IdeaSupportersCounted e, IdeaDetails view) => view with { Supporters = e.Supporters };
}
