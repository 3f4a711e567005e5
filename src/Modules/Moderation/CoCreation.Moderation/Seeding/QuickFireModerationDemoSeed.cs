using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;

namespace CoCreation.Moderation.Seeding;

/// <summary>The moderator approves every quick-fire pack.</summary>
public sealed class QuickFireModerationDemoSeed : IDemoSeedPart
{
    public int Order => 110;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var moderator = scenario.Cast.Moderator;
        var ideas = scenario.Get<List<DemoIdea>>(DemoFacts.QuickFireIdeas);
        foreach (var item in await scenario.ItemsFor(ideas.Select(i => i.Id).ToArray(), token))
            await scenario.Send<ModerationDecisionResponse>(moderator, DecideModerationItemHandler.ToCommand(
                new DecisionRequest(ModerationDecision.Approve, null, null), item.Id, moderator), token);
    }
}
