using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace CoCreation.Voting.Campaigns;

/// <summary>Voting's own copy of a campaign's voting rules, taken from Ideation's message when the campaign opened.</summary>
public sealed record CampaignVotingRulesRecorded(
    Guid CampaignId, string Mode, int? BudgetPerMember, IReadOnlyList<MilestoneRule> Milestones, DateTimeOffset RecordedAt,
    string? Organisation = null, DateTimeOffset? VotingUntil = null) : ICampaignScoped;

/// <summary>
/// Organisation: the brand organisation that runs the campaign: its members read the vote history and may not vote.
/// VotingUntil: the end of the campaign's voting phase, after which no vote is cast or retracted.
/// </summary>
public sealed record CampaignVotingRules(Guid Id, Guid CampaignId, string Mode, int? BudgetPerMember, IReadOnlyList<MilestoneRule> Milestones,
    string? Organisation = null, DateTimeOffset? VotingUntil = null)
{
    public static Guid StreamIdFor(Guid campaignId) => StreamIds.Derive("voting-campaign", campaignId);
}

public sealed class CampaignVotingRulesProjection : SingleStreamProjection<CampaignVotingRules, Guid>
{
    public static CampaignVotingRules Create(IEvent<CampaignVotingRulesRecorded> e) =>
        new(e.StreamId, e.Data.CampaignId, e.Data.Mode, e.Data.BudgetPerMember, e.Data.Milestones, e.Data.Organisation, e.Data.VotingUntil);
}

public static class CampaignOpenedHandler
{
    public static async Task Handle(CampaignOpenedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var streamId = CampaignVotingRules.StreamIdFor(message.CampaignId);
        if (await session.Events.FetchStreamStateAsync(streamId, token) is not null) return;
        session.Events.StartStream<CampaignVotingRules>(streamId, new CampaignVotingRulesRecorded(
            message.CampaignId, message.VotingMode, message.BudgetPerMember, message.Milestones, message.OpenedAt, message.Organisation, message.VotingUntil));
    }
}
