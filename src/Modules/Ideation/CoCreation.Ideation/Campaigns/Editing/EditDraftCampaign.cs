using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using Wolverine.Marten;

namespace CoCreation.Ideation.Campaigns.Editing;

/// <summary>A draft's title, brief and rules replaced as a whole (the same body as creating it).</summary>
public sealed record CampaignDraftEdited(
    Guid CampaignId, [NotMemberWritten("the brand's campaign title, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Title,
    string Brief, CampaignRules Rules, string EditedBy, DateTimeOffset EditedAt) : ICampaignScoped;

public sealed record EditDraftCampaign(Guid CampaignId, string Title, string Brief, CampaignRules Rules, string By, string? Organisation);

/// <summary>Until it opens, a campaign is the brand's draft to change; once open its rules stay fixed (the contract's promise).</summary>
public static class EditDraftCampaignHandler
{
    public static EditDraftCampaign ToCommand(CreateCampaignRequest request, Guid campaignId, string by, string? organisation, DateTimeOffset now)
    {
        var valid = CreateCampaignRules.ToCommand(request, campaignId, by, organisation ?? "", now);
        return new EditDraftCampaign(campaignId, valid.Title, valid.Brief, valid.Rules, by, organisation);
    }

    public static CampaignDraftEdited Decide(Campaign campaign, EditDraftCampaign command, DateTimeOffset now) =>
        campaign.Status == CampaignStatus.Draft
            ? new CampaignDraftEdited(campaign.Id, command.Title, command.Brief, command.Rules, command.By, now)
            : throw new RuleViolated("campaign-not-draft", $"Campaign {campaign.Id} is {campaign.Status}; only a Draft campaign can be edited: an open campaign's rules stay fixed.");

    // Required = false: a missing campaign is the module's own 404 problem, the same as another brand's campaign.
    public static (CampaignStatusResponse, Wolverine.Marten.Events) Handle(
        EditDraftCampaign command, [WriteAggregate(Required = false)] Campaign? campaign, TimeProvider clock)
    {
        campaign = CampaignStreams.RunBy(campaign, command.Organisation, command.CampaignId);
        return (new CampaignStatusResponse(campaign.Id, campaign.Status), [Decide(campaign, command, clock.GetUtcNow())]);
    }
}
