using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Audit;

/// <summary>Who may read a campaign's history and past states, for the API, the replay page and the parts of a campaign's state alike.</summary>
public static class AuditAccess
{
    /// <summary>Legal audits every campaign but drafts; a brand only those its organisation runs; others are not told it exists.</summary>
    public static async Task EnsureMayAudit(Viewer viewer, ICampaignOwnership campaigns, CampaignHistory history, Guid campaignId, CancellationToken token)
    {
        if (!await MayAudit(viewer, campaigns, history, campaignId, token)) throw new NotFound("campaign", campaignId);
    }

    public static async Task<bool> MayAudit(Viewer viewer, ICampaignOwnership campaigns, CampaignHistory history, Guid campaignId, CancellationToken token)
    {
        if (!viewer.Is(Roles.Brand) && !viewer.Is(Roles.Legal)) return false;
        // A draft is its brand's alone, legal included.
        if (!(viewer.Is(Roles.Legal) && !await campaigns.IsDraft(campaignId, token))
            && !viewer.RunsCampaignOf(await campaigns.OrganisationOf(campaignId, token)))
            return false;
        return await history.Exists(campaignId, token);
    }
}
