using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Moderation.Appeals;
using CoCreation.Moderation.Queue.GettingQueue;
using Marten;

namespace CoCreation.Moderation.Seeding;

/// <summary>The author of the first rejected idea appeals, so the queue holds an appeal next to the new ideas.</summary>
public sealed class AppealDemoSeed : IDemoSeedPart
{
    public int Order => 60;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var rejected = scenario.Get<List<DemoIdea>>(DemoFacts.Ideas)[^4];
        var rejectedItem = await scenario.Query(q => q.Query<QueueEntry>().SingleAsync(e => e.SubjectId == rejected.Id, token));
        await scenario.Send<AppealResponse>(rejected.Author, new AppealDecision(rejectedItem.Id,
            "It fits the brief: the set is a Nordic harbour scene, see the second paragraph.", rejected.Author), token);
    }
}
