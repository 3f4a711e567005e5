using CoCreation.BuildingBlocks.Modules;
using CoCreation.Insights.Activity;
using CoCreation.Insights.Observing;
using CoCreation.Insights.Seeding;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CoCreation.Insights;

/// <summary>
/// The sixth module: the key figures of co-creation, fed only by the other modules' contract messages, which it notes
/// as its own events (docs/adr/0022).
/// </summary>
public static class InsightsModule
{
    public const string Schema = "insights";

    /// <summary>The one durable, sequential local queue all of Insights' handlers share: facts are noted in the order they arrive.</summary>
    public const string Queue = "insights";

    public static IServiceCollection AddInsightsModule(this IServiceCollection services) =>
        services.AddSingleton(InsightsPersonalData.Declaration)
            .AddInsightsDemoSeed()
            .AddSingleton<IWolverineExtension, InsightsQueue>()
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandCampaign, typeof(Page.InsightsLink), Order: 10))
            .AddScoped<Reports.InsightsReader>()
            .AddModule<InsightsEndpoints>(Schema, opts =>
            {
                opts.Events.AddEventTypes([typeof(CampaignOpenedNoted), typeof(CampaignClosedNoted), typeof(IdeaSubmissionNoted), typeof(CoAuthorNoted),
                    typeof(IdeaStatusNoted), typeof(IdeaMilestoneNoted), typeof(CommentNoted), typeof(VotesNoted), typeof(FlagNoted),
                    typeof(ModerationDecisionNoted), typeof(AppealNoted), typeof(PointsNoted), typeof(MoneyNoted), typeof(DonationNoted)]);
                // Async: the daemon applies Insights' events one at a time in log order, so no update is lost however
                // many queues its handlers run on (Wolverine keeps a message with one handler on its own queue even
                // when the handler is sticky, docs/adr/0023), at the cost of figures a moment behind the log.
                opts.Projections.Add<IdeaJourneyProjection>(ProjectionLifecycle.Async);
                opts.Projections.Add<CampaignFactsProjection>(ProjectionLifecycle.Async);
                opts.Projections.Add<MemberActivityProjection>(ProjectionLifecycle.Async);
                opts.Schema.For<IdeaJourney>().Index(x => x.CampaignId);
                opts.Schema.For<MemberActivity>().Index(x => x.CampaignId).Index(x => x.MemberId);
            });

    private sealed class InsightsQueue : IWolverineExtension
    {
        public void Configure(WolverineOptions options) => options.LocalQueue(Queue);
    }
}
