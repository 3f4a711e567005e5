using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;

namespace CoCreation.Ideation.Ideas;

/// <summary>
/// Who sees what of Ideation (api-contract "Who sees what"): public ideas are everyone's; the others only their authors
/// and co-authors, moderators, legal and the brand that runs the campaign (an invitee sees it once they accept); a Draft campaign only that brand. Anyone else
/// gets 404, so what is not theirs to see is not even said to exist.
/// </summary>
public static class IdeaVisibility
{
    public static readonly IdeaStatus[] PublicStatuses = IdeaStatuses.Public.Select(Enum.Parse<IdeaStatus>).ToArray();

    public static bool IsPublic(IdeaStatus status) => PublicStatuses.Contains(status);

    public static bool CanSee(Viewer viewer, IdeaDetails idea, string? campaignOrganisation) =>
        IsPublic(idea.Status) || viewer.SeesNonPublic(idea.Authors, campaignOrganisation);

    public static bool CanSee(Viewer viewer, CampaignDetails campaign) =>
        campaign.Status != CampaignStatus.Draft || viewer.RunsCampaignOf(campaign.Organisation);

    /// <summary>Whether the viewer sees every idea of the campaign, whatever its status.</summary>
    public static bool SeesAllOf(Viewer viewer, CampaignDetails campaign) =>
        viewer.Is(Roles.Moderator) || viewer.Is(Roles.Legal) || viewer.RunsCampaignOf(campaign.Organisation);

    public static async Task<CampaignDetails> VisibleCampaign(IQuerySession session, Guid campaignId, Viewer viewer, CancellationToken token)
    {
        var campaign = await session.LoadAsync<CampaignDetails>(campaignId, token);
        return campaign is not null && CanSee(viewer, campaign) ? campaign : throw new NotFound("campaign", campaignId);
    }

    public static async Task<IdeaDetails> VisibleIdea(IQuerySession session, Guid ideaId, Viewer viewer, CancellationToken token)
    {
        var idea = await session.LoadAsync<IdeaDetails>(ideaId, token) ?? throw new NotFound("idea", ideaId);
        if (IsPublic(idea.Status)) return idea;
        var campaign = await session.LoadAsync<CampaignDetails>(idea.CampaignId, token);
        return CanSee(viewer, idea, campaign?.Organisation) ? idea : throw new NotFound("idea", ideaId);
    }
}
