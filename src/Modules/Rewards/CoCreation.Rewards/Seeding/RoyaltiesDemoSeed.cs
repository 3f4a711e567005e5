using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Sales;

namespace CoCreation.Rewards.Seeding;

/// <summary>The brand reports the selected quick-fire pack's first quarter of sales: the designer's royalty, next to the prize paid at selection.</summary>
public sealed class RoyaltiesDemoSeed : IDemoSeedPart
{
    public int Order => 140;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var (brand, organisation) = (scenario.Cast.Brand, scenario.Cast.Organisation);
        var selected = scenario.Get<List<DemoIdea>>(DemoFacts.QuickFireIdeas)[0].Id;
        await scenario.WaitFor(async q => (await q.LoadAsync<IdeaRewardTerms>(IdeaRewardTerms.StreamIdFor(selected), token)) is { Selected: true } t ? t : null, token);
        await scenario.Send<SalesResponse>(brand, ReportSalesHandler.ToCommand(new SalesRequest("2027-Q1", 48_250.00m, "EUR"), selected, brand, organisation), token);
    }
}
