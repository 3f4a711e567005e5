using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;
using Wolverine.Marten;

namespace CoCreation.Ideation.Campaigns.ReviewRounds;

public sealed record OpenReviewRound(Guid CampaignId, Guid RoundId, string By, string? Organisation = null);

public sealed record ReviewRoundOpenedResponse(Guid Id, int Number, IReadOnlyList<Guid> Ideas);

/// <summary>
/// The brand opens a round with every idea of the campaign waiting as UnderReview; one round at a time, so an idea
/// that reaches review meanwhile waits for the next one.
/// </summary>
public static class OpenReviewRoundHandler
{
    public static ReviewRoundOpened Decide(Campaign campaign, OpenReviewRound command, IReadOnlyList<Guid> waiting, DateTimeOffset now)
    {
        if (!campaign.Rules.UsesReviewRounds())
            throw new RuleViolated("review-rounds-not-enabled", $"Campaign {campaign.Id} does not review in rounds: the brand decides each idea as it arrives.");
        if (campaign.Round is { } open)
            throw new RuleViolated("review-round-already-open", $"Review round {open.Number} of campaign {campaign.Id} is open; close it before opening the next.");
        if (waiting.Count == 0)
            throw new RuleViolated("no-ideas-awaiting-review", $"No idea of campaign {campaign.Id} is waiting for review.");
        return new ReviewRoundOpened(campaign.Id, command.RoundId, campaign.RoundsHeld + 1, waiting, command.By, now);
    }

    public static async Task<(ReviewRoundOpenedResponse, Events)> Handle(
        OpenReviewRound command, [WriteAggregate(Required = false)] Campaign? campaign, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        campaign = CampaignStreams.RunBy(campaign, command.Organisation, command.CampaignId);
        var campaignId = campaign.Id;
        var waiting = await session.Query<IdeaDetails>()
            .Where(i => i.CampaignId == campaignId && i.Status == IdeaStatus.UnderReview)
            .OrderBy(i => i.UpdatedAt).Select(i => i.Id).ToListAsync(token);
        var opened = Decide(campaign, command, waiting.ToList(), clock.GetUtcNow());
        foreach (var ideaId in opened.IdeaIds)
            session.Events.Append(ideaId, new IdeaEnteredReviewRound(ideaId, campaign.Id, opened.RoundId, opened.Number, command.By, opened.OpenedAt));
        return (new ReviewRoundOpenedResponse(opened.RoundId, opened.Number, opened.IdeaIds), [opened]);
    }
}
