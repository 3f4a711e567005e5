using CoCreation.BuildingBlocks.Modules;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.GettingQueue;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Moderation;

public static class ModerationModule
{
    public const string Schema = "moderation";

    public static IServiceCollection AddModerationModule(this IServiceCollection services) =>
        services.AddModule<ModerationEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(ModerationItemQueued), typeof(ModerationItemDecided)]);
            opts.Projections.Add<QueueEntryProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<QueueEntry>().DatabaseSchemaName(Schema).Index(x => x.CreatedAt);
        });
}
