using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.BuildingBlocks.Auth;

/// <summary>
/// Only the organisation that runs a campaign runs it: another brand is told nothing exists (404), so a campaign's
/// existence, votes and sales are not disclosed across brands.
/// </summary>
public static class CampaignAccess
{
    public static void EnsureRunBy(string? campaignOrganisation, string? actingOrganisation, string what, object id)
    {
        if (actingOrganisation is null || campaignOrganisation is null || actingOrganisation != campaignOrganisation)
            throw new NotFound(what, id);
    }
}
