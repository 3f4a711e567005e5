using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.BuildingBlocks.Seeding;
using Marten;

namespace CoCreation.Moderation.Seeding;

/// <summary>The queue's items for ideas another module submitted, once their messages have reached Moderation.</summary>
internal static class DemoQueueItems
{
    public static Task<List<QueueEntry>> ItemsFor(this DemoScenario scenario, Guid[] ideaIds, CancellationToken token) => scenario.WaitFor(async q =>
    {
        var found = await q.Query<QueueEntry>().Where(e => e.SubjectId.IsOneOf(ideaIds)).ToListAsync(token);
        return found.Count == ideaIds.Length ? found.ToList() : null;
    }, token);
}
