using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Campaigns.Closing;

public sealed record CloseCampaign(Guid CampaignId, string By, string? Organisation = null);

public static class CloseCampaignHandler
{
    public static CampaignClosed Decide(Campaign campaign, CloseCampaign command, DateTimeOffset now) =>
        campaign.Status == CampaignStatus.Open
            ? new CampaignClosed(campaign.Id, command.By, now)
            : throw new RuleViolated("campaign-not-open", $"Campaign {campaign.Id} is {campaign.Status}; only an Open campaign can be closed.");

    public static async Task<(CampaignStatusResponse, OutgoingMessages)> Handle(
        CloseCampaign command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Campaign>(command.CampaignId, token);
        var campaign = stream.Aggregate ?? throw new NotFound("campaign", command.CampaignId);
        CampaignAccess.EnsureRunBy(campaign.Organisation, command.Organisation, "campaign", campaign.Id);
        var closed = Decide(campaign, command, clock.GetUtcNow());
        stream.AppendOne(closed);
        return (new CampaignStatusResponse(campaign.Id, CampaignStatus.Closed), [new CampaignClosedIntegrationEvent(campaign.Id, closed.ClosedAt)]);
    }
}
