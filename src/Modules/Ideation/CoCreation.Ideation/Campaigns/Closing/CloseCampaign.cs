using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Contracts;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.Ideation.Campaigns.Closing;

public sealed record CloseCampaign(Guid CampaignId, string By, string? Organisation = null);

/// <summary>Wolverine's aggregate handler workflow, as for <see cref="OpenCampaignHandler"/>.</summary>
public static class CloseCampaignHandler
{
    public static CampaignClosed Decide(Campaign campaign, CloseCampaign command, DateTimeOffset now) =>
        campaign.Status == CampaignStatus.Open
            ? new CampaignClosed(campaign.Id, command.By, now)
            : throw new RuleViolated("campaign-not-open", $"Campaign {campaign.Id} is {campaign.Status}; only an Open campaign can be closed.");

    public static (CampaignStatusResponse, Events, OutgoingMessages) Handle(
        CloseCampaign command, [WriteAggregate(Required = false)] Campaign? campaign, TimeProvider clock)
    {
        campaign = CampaignStreams.RunBy(campaign, command.Organisation, command.CampaignId);
        var closed = Decide(campaign, command, clock.GetUtcNow());
        return (new CampaignStatusResponse(campaign.Id, CampaignStatus.Closed), [closed], [new CampaignClosedIntegrationEvent(campaign.Id, closed.ClosedAt)]);
    }
}
