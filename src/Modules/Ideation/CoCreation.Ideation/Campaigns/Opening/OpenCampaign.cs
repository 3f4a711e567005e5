using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Campaigns.Opening;

/// <summary>Organisation: the brand organisation the member acts for; only the one that runs the campaign opens it.</summary>
public sealed record OpenCampaign(Guid CampaignId, string By, string? Organisation = null);

public static class OpenCampaignHandler
{
    public static CampaignOpened Decide(Campaign campaign, OpenCampaign command, DateTimeOffset now) =>
        campaign.Status == CampaignStatus.Draft
            ? new CampaignOpened(campaign.Id, command.By, now)
            : throw new RuleViolated("campaign-not-draft", $"Campaign {campaign.Id} is {campaign.Status}; only a Draft campaign can be opened.");

    public static async Task<(CampaignStatusResponse, OutgoingMessages)> Handle(
        OpenCampaign command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Campaign>(command.CampaignId, token);
        var campaign = stream.Aggregate ?? throw new NotFound("campaign", command.CampaignId);
        CampaignAccess.EnsureRunBy(campaign.Organisation, command.Organisation, "campaign", campaign.Id);
        var opened = Decide(campaign, command, clock.GetUtcNow());
        stream.AppendOne(opened);
        var rules = campaign.Rules;
        var message = new CampaignOpenedIntegrationEvent(campaign.Id, campaign.Title, rules.Voting.Mode, rules.Voting.BudgetPerMember,
            rules.Milestones, rules.Moderation.FlagsToHide, rules.Rewards, opened.OpenedAt, rules.Moderation.BannedTerms ?? [], campaign.Organisation);
        return (new CampaignStatusResponse(campaign.Id, CampaignStatus.Open), [message]);
    }
}

public sealed record CampaignStatusResponse(Guid Id, CampaignStatus Status);
