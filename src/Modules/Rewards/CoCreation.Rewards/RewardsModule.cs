using CoCreation.BuildingBlocks.Modules;
using CoCreation.Rewards.Seeding;
using CoCreation.Rewards.Campaigns;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Leaderboards;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Rewards;

public static class RewardsModule
{
    public const string Schema = "rewards";

    public static IServiceCollection AddRewardsModule(this IServiceCollection services) =>
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.MySections, typeof(Ledgers.MyRewardsSection), Order: 30))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandIdea, typeof(Sales.SalesSection), Order: 30))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandCampaignExports, typeof(Campaigns.Exporting.RewardsExportLinks), Order: 40))
            .AddRewardsDemoSeed()
            .AddSingleton<Ledgers.Leaderboards.AtAnInstant.LeaderboardAtInstant>()
            .AddSingleton<BuildingBlocks.TimeTravel.ICampaignStatePart>(sp => sp.GetRequiredService<Ledgers.Leaderboards.AtAnInstant.LeaderboardAtInstant>())
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.CampaignStateAt,
                typeof(Ledgers.Leaderboards.AtAnInstant.LeaderboardAtInstantSection), Order: 20))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.CampaignSections, typeof(Donations.DonationSection), Order: 10))
            .AddSingleton(new BuildingBlocks.Ui.RefusalSentences(new Dictionary<string, string>
            {
                ["idea-not-selected"] = "Only a selected idea earns royalties: report its sales once it is selected.",
                ["period-already-reported"] = "Sales of this period were already reported for this idea.",
                ["no-royalty"] = "This campaign pays no royalties."
            }, Module: "Rewards", Text: typeof(RewardsText)))
            .AddModule<RewardsEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(CampaignRewardRulesRecorded), typeof(PointsGranted), typeof(MoneyCredited), typeof(BadgeAwarded),
                typeof(IdeaOwnershipNoted), typeof(IdeaSelectionNoted), typeof(PrizePaid), typeof(SalesReported),
                typeof(Donations.DonationPledgeRecorded), typeof(Donations.DonationAccrued), typeof(Donations.DonationCapReached)]);
            opts.Projections.Snapshot<Donations.CampaignDonation>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<IdeaRewardTerms>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<Ledger>(SnapshotLifecycle.Inline);
            opts.Projections.Add<CampaignRewardRulesProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<LeaderboardProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<LeaderboardEntry>().Index(x => x.CampaignId);
        });
}
