using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Time;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Discounting;
using CoCreation.Voting.Ballots.Recording;
using CoCreation.Voting.Ballots.Windows;
using CoCreation.Voting.Campaigns;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Voting;

public static class VotingModule
{
    public const string Schema = "voting";

    public static IServiceCollection AddVotingModule(this IServiceCollection services)
    {
        services.AddSingleton<VoteWriter>();
        services.AddSingleton<IDueWork, DueWindows>();
        return services.AddModule<VotingEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(CampaignVotingRulesRecorded), typeof(BallotOpened), typeof(VoteCast), typeof(VoteRetracted),
                typeof(VoteDiscounted), typeof(BallotAuthorsChanged), typeof(BallotClosed), typeof(BallotReopened), typeof(BallotIdeaStatusNoted), typeof(MilestoneReached),
                typeof(BallotExpired), typeof(VoterBanned)]);
            opts.Projections.Snapshot<Ballot>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<VoterBan>(SnapshotLifecycle.Inline);
            opts.Projections.Add<VoterCardProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CampaignVotingRulesProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Ballot>().DatabaseSchemaName(Schema).Index(b => b.Deadline);
            opts.Schema.For<VoterCard>().DatabaseSchemaName(Schema).Index(c => c.Voter);
            opts.Schema.For<VoterBan>().DatabaseSchemaName(Schema);
            opts.Schema.For<CampaignVotingRules>().DatabaseSchemaName(Schema);
        });
    }
}
