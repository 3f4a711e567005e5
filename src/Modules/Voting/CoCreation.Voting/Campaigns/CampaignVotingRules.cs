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
    string? Organisation = null, DateTimeOffset? VotingUntil = null, bool HideTalliesUntilVoted = false) : ICampaignScoped;

/// <summary>The campaign closed: no more votes, and tallies hidden until voting ended are shown to everyone.</summary>
public sealed record CampaignVotingEnded(Guid CampaignId, DateTimeOffset EndedAt) : ICampaignScoped;

/// <summary>
/// Organisation: the brand organisation that runs the campaign: its members read the vote history and may not vote.
/// VotingUntil: the end of the campaign's voting phase, after which no vote is cast or retracted.
/// </summary>
public sealed record CampaignVotingRules(Guid Id, Guid CampaignId, string Mode, int? BudgetPerMember, IReadOnlyList<MilestoneRule> Milestones,
    string? Organisation = null, DateTimeOffset? VotingUntil = null, bool HideTalliesUntilVoted = false, DateTimeOffset? EndedAt = null)
{
    /// <summary>Whether voting is over at <paramref name="now"/>: the voting phase passed, or the campaign closed.</summary>
    public bool VotingOverAt(DateTimeOffset now) => EndedAt is not null || VotingUntil is { } until && now >= until;

    public static Guid StreamIdFor(Guid campaignId) => StreamIds.Derive("voting-campaign", campaignId);
}

public sealed class CampaignVotingRulesProjection : SingleStreamProjection<CampaignVotingRules, Guid>
{
    public static CampaignVotingRules Create(IEvent<CampaignVotingRulesRecorded> e) =>
        new(e.StreamId, e.Data.CampaignId, e.Data.Mode, e.Data.BudgetPerMember, e.Data.Milestones, e.Data.Organisation, e.Data.VotingUntil, e.Data.HideTalliesUntilVoted);

    public static CampaignVotingRules Apply(CampaignVotingEnded e, CampaignVotingRules rules) => rules with { EndedAt = e.EndedAt };
}

public static class CampaignOpenedHandler
{
    public static async Task Handle(CampaignOpenedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var streamId = CampaignVotingRules.StreamIdFor(message.CampaignId);
        if (await session.Events.FetchStreamStateAsync(streamId, token) is not null) return;
        session.Events.StartStream<CampaignVotingRules>(streamId, new CampaignVotingRulesRecorded(
            message.CampaignId, message.VotingMode, message.BudgetPerMember, message.Milestones, message.OpenedAt, message.Organisation, message.VotingUntil, message.HideTalliesUntilVoted));
    }

    public static async Task Handle(CampaignClosedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(message.CampaignId), token);
        if (stream.Aggregate is null || stream.Aggregate.EndedAt is not null) return;
        stream.AppendOne(new CampaignVotingEnded(message.CampaignId, message.ClosedAt));
    }
}
