using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Host.Seed;

namespace CoCreation.UnitTests;

public class DemoSeedPartsTests
{
    private sealed class Recording(int order, string name, List<string> log, bool fails = false) : IDemoSeedPart
    {
        public int Order => order;
        public Task Seed(DemoScenario scenario, CancellationToken token)
        {
            if (fails) throw new InvalidOperationException("no ballot opened");
            log.Add(name);
            scenario.Set(name, order);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Parts_run_by_order_then_registration_and_see_earlier_facts()
    {
        var log = new List<string>();
        var scenario = new DemoScenario(["a"], 1);
        await DemoSeedParts.Run([new Recording(30, "votes", log), new Recording(10, "agreement", log),
            new Recording(20, "ideas", log), new Recording(10, "campaign", log)], scenario, CancellationToken.None);

        Assert.Equal(["agreement", "campaign", "ideas", "votes"], log);
        Assert.Equal(20, scenario.Get<int>("ideas"));
    }

    [Fact]
    public async Task A_failing_part_is_named_with_its_module_and_stops_the_seed()
    {
        var log = new List<string>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoSeedParts.Run(
            [new Recording(10, "first", log), new Recording(20, "broken", log, fails: true), new Recording(30, "never", log)],
            new DemoScenario(["a"], 1), CancellationToken.None));

        Assert.Contains("Recording", failure.Message);
        Assert.Contains("module UnitTests", failure.Message);
        Assert.Contains("no ballot opened", failure.Message);
        Assert.Equal(["first"], log);
    }

    [Fact]
    public void A_fact_no_part_set_yet_says_so()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => new DemoScenario([], 1).Get<Guid>(DemoFacts.Campaign));
        Assert.Contains("'campaign'", missing.Message);
    }
}
