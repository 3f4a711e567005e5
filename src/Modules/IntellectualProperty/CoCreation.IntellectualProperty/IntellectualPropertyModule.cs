using CoCreation.BuildingBlocks.Modules;
using CoCreation.IntellectualProperty.Contributions;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.IntellectualProperty;

public static class IntellectualPropertyModule
{
    public const string Schema = "ip";

    public static IServiceCollection AddIntellectualPropertyModule(this IServiceCollection services) =>
        services.AddModule<IntellectualPropertyEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(ContributionRecorded)]);
            opts.Projections.Snapshot<Provenance>(SnapshotLifecycle.Inline);
            opts.Schema.For<Provenance>().DatabaseSchemaName(Schema).Index(x => x.IdeaId);
        });
}
