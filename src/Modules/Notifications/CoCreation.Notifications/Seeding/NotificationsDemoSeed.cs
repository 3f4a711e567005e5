using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Feed;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Notifications.Seeding;

/// <summary>Notifications' part of the demo seed: it writes nothing, it waits until the published ideas' authors were told.</summary>
public static class NotificationsDemoSeed
{
    public static IServiceCollection AddNotificationsDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, AuthorsToldDemoSeed>();
}

/// <summary>The demo is ready when each author of a published idea of the main campaign has its publication in their feed (the bell shows it).</summary>
public sealed class AuthorsToldDemoSeed : IDemoSeedPart
{
    public int Order => 990;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var published = scenario.Get<List<DemoIdea>>(DemoFacts.Published).Select(i => i.Id).ToList();
        await scenario.WaitFor(async q =>
        {
            var told = await q.Query<NotificationView>().Where(n => n.Kind == NotificationKinds.IdeaStatus && published.Contains(n.SubjectId))
                .Select(n => n.SubjectId).Distinct().CountAsync(token);
            return told >= published.Count ? "told" : null;
        }, token);
    }
}
