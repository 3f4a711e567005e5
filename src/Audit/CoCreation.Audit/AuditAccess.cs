using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Audit;

/// <summary>Who may read a campaign's history and past states, for the API and the replay page alike.</summary>
public static class AuditAccess
{
    /// <summary>Legal audits every campaign but drafts; a brand only those its organisation runs; others are not told it exists.</summary>
    public static async Task EnsureMayAudit(Viewer viewer, ICampaignOwnership campaigns, CampaignHistory history, Guid campaignId, CancellationToken token)
    {
        if (!viewer.Is(Roles.Brand) && !viewer.Is(Roles.Legal)) throw new NotFound("campaign", campaignId);
        // A draft is its brand's alone, legal included.
        if (!(viewer.Is(Roles.Legal) && !await campaigns.IsDraft(campaignId, token)))
            CampaignAccess.EnsureRunBy(await campaigns.OrganisationOf(campaignId, token), viewer.Organisation, "campaign", campaignId);
        if (!await history.Exists(campaignId, token)) throw new NotFound("campaign", campaignId);
    }
}
