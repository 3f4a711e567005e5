using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.TimeTravel;

namespace CoCreation.Audit;

/// <summary>The same rule for the modules' parts of a campaign's state, which cannot reference the audit.</summary>
public sealed class CampaignHistoryAccess(ICampaignOwnership campaigns, CampaignHistory history) : ICampaignHistoryAccess
{
    public Task<bool> MayRead(Viewer viewer, Guid campaignId, CancellationToken token) => AuditAccess.MayAudit(viewer, campaigns, history, campaignId, token);
}
