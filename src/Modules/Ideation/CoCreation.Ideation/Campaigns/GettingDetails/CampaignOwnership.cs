using CoCreation.BuildingBlocks.Auth;
using Marten;

namespace CoCreation.Ideation.Campaigns.GettingDetails;

public sealed class CampaignOwnership(IDocumentStore store) : ICampaignOwnership
{
    public async Task<string?> OrganisationOf(Guid campaignId, CancellationToken token)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<CampaignDetails>(campaignId, token))?.Organisation;
    }

    public async Task<bool> IsDraft(Guid campaignId, CancellationToken token)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<CampaignDetails>(campaignId, token))?.Status == CampaignStatus.Draft;
    }
}
