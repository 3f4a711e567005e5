using CoCreation.BuildingBlocks.Modules;
using CoCreation.Voting.Seeding;
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
        services.AddSingleton<BuildingBlocks.Auth.ITallyDisclosure, Ballots.Disclosing.VotingTallyDisclosure>();
        services.AddVotingDemoSeed();
        // The idea page's support bar is Voting's, shown in the slot Ideation's page leaves for it.
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaSupport, typeof(Ballots.GettingTally.SupportBar)));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaSupport, typeof(Ballots.GettingSupporters.SupportChart), Order: 10));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.MySections, typeof(Ballots.Mine.MySupportSection), Order: 20));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandIdea, typeof(Ballots.GettingSupporters.BrandIdeaSupport)));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandCampaignExports, typeof(Campaigns.Exporting.VotingExportLinks), Order: 20));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.CampaignOpenData, typeof(Campaigns.Exporting.VotingOpenDataLinks), Order: 20));
        services.AddSingleton(new BuildingBlocks.Ui.RefusalSentences(new Dictionary<string, string>
        {
            ["duplicate-vote"] = "You already support this idea.",
            ["self-vote"] = "This is your own idea: you cannot support it.",
            ["vote-budget-exhausted"] = "You have no votes left in this campaign; retracting one gives it back.",
            ["voting-closed"] = "Voting on this idea is closed.",
            ["voting-deadline-passed"] = "The window for the next milestone has closed.",
            ["voting-phase-over"] = "This campaign's voting phase is over: votes can no longer be cast or retracted.",
            ["own-organisation"] = "Your organisation runs this campaign: its brand members do not vote in it.",
            ["member-banned"] = "You are banned from voting."
        }, Module: "Voting", Text: typeof(VotingText)));
        return services.AddModule<VotingEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(CampaignVotingRulesRecorded), typeof(CampaignVotingEnded), typeof(BallotOpened), typeof(VoteCast), typeof(VoteRetracted),
                typeof(VoteDiscounted), typeof(BallotAuthorsChanged), typeof(BallotClosed), typeof(BallotReopened), typeof(BallotIdeaStatusNoted), typeof(MilestoneReached),
                typeof(BallotExpired), typeof(VoterBanned),
                typeof(Ballots.Merging.VoteMovedAway), typeof(Ballots.Merging.VoteMovedIn), typeof(Ballots.Merging.VoteReleased), typeof(Ballots.Merging.VoteReturned),
                typeof(Ballots.Merging.VoteRestored), typeof(Ballots.Merging.BallotWindowExtended)]);
            opts.Projections.Snapshot<Ballot>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<VoterBan>(SnapshotLifecycle.Inline);
            opts.Projections.Add<VoterCardProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CampaignVotingRulesProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<Ballots.GettingSupporters.SupportCurveProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<Ballots.Sharing.IdeaReferralsProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Ballot>().Index(b => b.Deadline);
            opts.Schema.For<VoterCard>().Index(c => c.Voter);
        });
    }
}
