using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using Marten;
using Marten.Events.Aggregation;

namespace CoCreation.IntellectualProperty.Campaigns;

/// <summary>IntellectualProperty's own record of which brand organisation runs a campaign, from Ideation's message when it opened.</summary>
public sealed record CampaignOrganisationNoted(Guid CampaignId, string? Organisation, DateTimeOffset NotedAt) : ICampaignScoped;

public sealed record CampaignOrganisation(Guid Id, Guid CampaignId, string? Organisation)
{
    public static Guid StreamIdFor(Guid campaignId) => StreamIds.Derive("ip-campaign", campaignId);
}

public sealed class CampaignOrganisationProjection : SingleStreamProjection<CampaignOrganisation, Guid>
{
    public static CampaignOrganisation Create(JasperFx.Events.IEvent<CampaignOrganisationNoted> e) => new(e.StreamId, e.Data.CampaignId, e.Data.Organisation);
}

public static class CampaignOrganisationHandler
{
    public static async Task Handle(CampaignOpenedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var streamId = CampaignOrganisation.StreamIdFor(message.CampaignId);
        if (await session.Events.FetchStreamStateAsync(streamId, token) is not null) return;
        session.Events.StartStream<CampaignOrganisation>(streamId, new CampaignOrganisationNoted(message.CampaignId, message.Organisation, message.OpenedAt));
    }
}
