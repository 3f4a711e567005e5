namespace CoCreation.BuildingBlocks.Auth;

/// <summary>Which brand organisation runs a campaign (null: no such campaign). Answered by the module that owns campaigns, for platform capabilities such as the audit.</summary>
public interface ICampaignOwnership
{
    Task<string?> OrganisationOf(Guid campaignId, CancellationToken token);

    /// <summary>Whether the campaign is still a draft (readable only by the organisation that runs it); false when unknown.</summary>
    Task<bool> IsDraft(Guid campaignId, CancellationToken token);
}
