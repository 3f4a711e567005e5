using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.Ideation.Campaigns.Opening;

/// <summary>Organisation: the brand organisation the member acts for; only the one that runs the campaign opens it.</summary>
public sealed record OpenCampaign(Guid CampaignId, string By, string? Organisation = null);

/// <summary>
/// Wolverine's aggregate handler workflow: it fetches the campaign's stream for writing (by <c>CampaignId</c>), appends the
/// returned events, and commits them with the outgoing messages; the status answers <c>InvokeAsync</c>.
/// </summary>
public static class OpenCampaignHandler
{
    public static CampaignOpened Decide(Campaign campaign, OpenCampaign command, DateTimeOffset now)
    {
        if (campaign.Status != CampaignStatus.Draft)
            throw new RuleViolated("campaign-not-draft", $"Campaign {campaign.Id} is {campaign.Status}; only a Draft campaign can be opened.");
        // A draft left unopened past its own deadline would open already over: the brand moves the dates first.
        if (campaign.Rules.Phases is { } phases && (phases.SubmissionsUntil <= now || phases.VotingUntil <= now))
            throw new RuleViolated("campaign-phase-passed", $"Campaign {campaign.Id}'s phases end at {phases.SubmissionsUntil:O} / {phases.VotingUntil:O}, already past; a campaign opens before its deadlines.");
        return new CampaignOpened(campaign.Id, command.By, now);
    }

    // Required = false: a missing campaign is the module's own 404 problem, the same as another brand's campaign.
    public static (CampaignStatusResponse, Events, OutgoingMessages) Handle(
        OpenCampaign command, [WriteAggregate(Required = false)] Campaign? campaign, TimeProvider clock)
    {
        campaign = CampaignStreams.RunBy(campaign, command.Organisation, command.CampaignId);
        var opened = Decide(campaign, command, clock.GetUtcNow());
        var rules = campaign.Rules;
        var message = new CampaignOpenedIntegrationEvent(campaign.Id, campaign.Title, rules.Voting.Mode, rules.Voting.BudgetPerMember,
            rules.Milestones, rules.Moderation.FlagsToHide, rules.Rewards, opened.OpenedAt, rules.Moderation.BannedTerms ?? [], campaign.Organisation,
            rules.Phases?.SubmissionsUntil, rules.Phases?.VotingUntil, rules.Voting.HideTalliesUntilVoted,
            rules.Donation is { } d ? new DonationPledge(d.Cause, d.Per, d.Amount, d.Currency, d.Cap) : null);
        return (new CampaignStatusResponse(campaign.Id, CampaignStatus.Open), [opened], [message]);
    }
}

public sealed record CampaignStatusResponse(Guid Id, CampaignStatus Status);
