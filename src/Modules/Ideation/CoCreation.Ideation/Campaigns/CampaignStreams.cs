using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Ideation.Campaigns;

/// <summary>What every campaign command does the same way once Wolverine has fetched the stream.</summary>
public static class CampaignStreams
{
    /// <summary>The campaign a brand member acts on: missing, or run by another organisation, it does not exist for them (404).</summary>
    public static Campaign RunBy(Campaign? campaign, string? organisation, Guid campaignId)
    {
        if (campaign is null)
            throw new NotFound("campaign", campaignId);
        CampaignAccess.EnsureRunBy(campaign.Organisation, organisation, "campaign", campaignId);
        return campaign;
    }
}
