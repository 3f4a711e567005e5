using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Submitting;

public sealed record IdeaRequest(string? Title, string? Description, List<string>? Tags);

public sealed record SubmitIdea(Guid IdeaId, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags, string By);

public sealed record IdeaSubmittedResponse(Guid Id, IdeaStatus Status);

public static class SubmitIdeaHandler
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;

    public static SubmitIdea ToCommand(IdeaRequest request, Guid ideaId, Guid campaignId, string by)
    {
        var tags = (request.Tags ?? []).Select(t => t?.Trim() ?? "").ToList();
        new Validation()
            .Length(request.Title, "title", 5, 120)
            .Length(request.Description, "description", 1, 20_000)
            .Require(tags.Count <= MaxTags, "tags", $"At most {MaxTags} tags.")
            .Require(tags.All(t => t.Length is > 0 and <= MaxTagLength), "tags", $"Each tag must be 1 to {MaxTagLength} characters.")
            .ThrowIfInvalid();
        return new SubmitIdea(ideaId, campaignId, request.Title!.Trim(), request.Description!.Trim(),
            tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), by);
    }

    public static IdeaSubmitted Decide(Campaign campaign, SubmitIdea command, DateTimeOffset now) =>
        campaign.Status == CampaignStatus.Open
            ? new IdeaSubmitted(command.IdeaId, campaign.Id, command.Title, command.Description, command.Tags, command.By, now)
            : throw new RuleViolated("campaign-not-open", $"Campaign {campaign.Id} is {campaign.Status}; ideas can be submitted only while it is Open.");

    public static async Task<(IdeaSubmittedResponse, OutgoingMessages)> Handle(
        SubmitIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var campaign = await session.Events.AggregateStreamAsync<Campaign>(command.CampaignId, token: token)
                       ?? throw new NotFound("campaign", command.CampaignId);
        var submitted = Decide(campaign, command, clock.GetUtcNow());
        session.Events.StartStream<Idea>(command.IdeaId, submitted);
        var message = new IdeaSubmittedIntegrationEvent(submitted.IdeaId, submitted.CampaignId, 1, submitted.SubmittedBy,
            [submitted.SubmittedBy], submitted.Title, submitted.Description, submitted.Tags, submitted.SubmittedAt);
        return (new IdeaSubmittedResponse(command.IdeaId, IdeaStatus.Submitted), [message]);
    }
}
