using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using Marten;
using Marten.Events.Aggregation;

namespace CoCreation.Moderation.Campaigns;

/// <summary>Moderation's own copy of a campaign's moderation rules, from Ideation's message when it opened.</summary>
public sealed record CampaignModerationRulesRecorded(Guid CampaignId, int FlagsToHide, IReadOnlyList<string> BannedTerms, DateTimeOffset RecordedAt,
    string? Organisation = null) : ICampaignScoped;

public sealed record CampaignModerationRules(Guid Id, Guid CampaignId, int FlagsToHide, IReadOnlyList<string> BannedTerms, string? Organisation = null)
{
    public static Guid StreamIdFor(Guid campaignId) => StreamIds.Derive("moderation-campaign", campaignId);
}

public sealed class CampaignModerationRulesProjection : SingleStreamProjection<CampaignModerationRules, Guid>
{
    public static CampaignModerationRules Create(JasperFx.Events.IEvent<CampaignModerationRulesRecorded> e) =>
        new(e.StreamId, e.Data.CampaignId, e.Data.FlagsToHide, e.Data.BannedTerms, e.Data.Organisation);
}

public static class CampaignOpenedHandler
{
    public static async Task Handle(CampaignOpenedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var streamId = CampaignModerationRules.StreamIdFor(message.CampaignId);
        if (await session.Events.FetchStreamStateAsync(streamId, token) is not null) return;
        session.Events.StartStream<CampaignModerationRules>(streamId,
            new CampaignModerationRulesRecorded(message.CampaignId, message.FlagsToHide, message.BannedTerms ?? [], message.OpenedAt, message.Organisation));
    }
}
