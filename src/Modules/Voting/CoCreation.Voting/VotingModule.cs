using CoCreation.BuildingBlocks.Modules;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Campaigns;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Voting;

public static class VotingModule
{
    public const string Schema = "voting";

    public static IServiceCollection AddVotingModule(this IServiceCollection services) =>
        services.AddModule<VotingEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(CampaignVotingRulesRecorded), typeof(BallotOpened), typeof(VoteCast),
                typeof(BallotAuthorsChanged), typeof(BallotClosed), typeof(BallotReopened), typeof(MilestoneReached)]);
            opts.Projections.Snapshot<Ballot>(SnapshotLifecycle.Inline);
            opts.Projections.Add<CampaignVotingRulesProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Ballot>().DatabaseSchemaName(Schema);
            opts.Schema.For<CampaignVotingRules>().DatabaseSchemaName(Schema);
        });
}
