namespace CoCreation.BuildingBlocks.Auth;

/// <summary>Which brand organisation runs a campaign (null: no such campaign). Answered by the module that owns campaigns, for platform capabilities such as the audit.</summary>
public interface ICampaignOwnership
{
    Task<string?> OrganisationOf(Guid campaignId, CancellationToken token);
}
