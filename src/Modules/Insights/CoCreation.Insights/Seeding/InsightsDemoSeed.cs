using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Insights.Activity;
using Microsoft.Extensions.DependencyInjection;
using Marten;

namespace CoCreation.Insights.Seeding;

/// <summary>Insights' part of the demo seed: it writes nothing, it waits until its figures have noted what the other parts did.</summary>
public static class InsightsDemoSeed
{
    public static IServiceCollection AddInsightsDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, FiguresCaughtUpDemoSeed>();
}

/// <summary>
/// Last of the parts: the demo is ready when Insights knows every seeded idea of both campaigns, so the figures a brand
/// opens first are complete. Its own queue is sequential: what it noted last arrived last.
/// </summary>
public sealed class FiguresCaughtUpDemoSeed : IDemoSeedPart
{
    public int Order => 1_000;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        foreach (var (campaign, ideas) in new[] { (DemoFacts.Campaign, DemoFacts.Ideas), (DemoFacts.QuickFireCampaign, DemoFacts.QuickFireIdeas) })
        {
            var campaignId = scenario.Get<Guid>(campaign);
            var expected = scenario.Get<List<DemoIdea>>(ideas).Count;
            await scenario.WaitFor(async q => await q.Query<IdeaJourney>().CountAsync(i => i.CampaignId == campaignId, token) >= expected ? "caught up" : null, token);
        }
    }
}
