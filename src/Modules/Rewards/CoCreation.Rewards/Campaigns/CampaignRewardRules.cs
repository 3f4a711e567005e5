using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace CoCreation.Rewards.Campaigns;

/// <summary>Rewards' own copy of a campaign's reward rules, from Ideation's message when the campaign opened.</summary>
public sealed record CampaignRewardRulesRecorded(Guid CampaignId, RewardRules Rules, DateTimeOffset RecordedAt, string? Organisation = null) : ICampaignScoped;

/// <summary>Organisation: the brand organisation that runs the campaign; only its brand members report and read sales.</summary>
public sealed record CampaignRewardRules(Guid Id, Guid CampaignId, RewardRules Rules, string? Organisation = null)
{
    public static Guid StreamIdFor(Guid campaignId) => StreamIds.Derive("rewards-campaign", campaignId);
}

public sealed class CampaignRewardRulesProjection : SingleStreamProjection<CampaignRewardRules, Guid>
{
    public static CampaignRewardRules Create(IEvent<CampaignRewardRulesRecorded> e) => new(e.StreamId, e.Data.CampaignId, e.Data.Rules, e.Data.Organisation);
}

public static class CampaignOpenedHandler
{
    public static async Task Handle(CampaignOpenedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var streamId = CampaignRewardRules.StreamIdFor(message.CampaignId);
        if (await session.Events.FetchStreamStateAsync(streamId, token) is not null) return;
        session.Events.StartStream<CampaignRewardRules>(streamId, new CampaignRewardRulesRecorded(message.CampaignId, message.Rewards, message.OpenedAt, message.Organisation));
        // The pledge, if any, in the same transaction as the rules: a vote handler that finds the rules knows whether one exists.
        if (message.Donation is { } d)
            session.Events.StartStream<Donations.CampaignDonation>(Donations.CampaignDonation.StreamIdFor(message.CampaignId),
                new Donations.DonationPledgeRecorded(message.CampaignId, d.Cause, d.Per, d.Amount, d.Currency, d.Cap, message.OpenedAt));
    }
}
