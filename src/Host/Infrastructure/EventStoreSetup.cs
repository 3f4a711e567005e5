using CoCreation.BuildingBlocks.Metadata;
using JasperFx;
using JasperFx.Events;
using CoCreation.Host.Infrastructure.Logging;
using Marten;
using Weasel.Core;
using Wolverine.Marten;

namespace CoCreation.Host.Infrastructure;

public static class EventStoreSetup
{
    public const string EventSchema = "events";
    public const string HostSchema = "host";
    public const string MessagingSchema = "wolverine";

    /// <summary>
    /// The one Marten event store every module appends to: its global sequence is the audit order.
    /// Modules add their event types, projections and document schemas through ConfigureMarten.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, string connectionString)
    {
        var marten = services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = HostSchema;
                opts.Events.DatabaseSchemaName = EventSchema;
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.AppendMode = EventAppendMode.Quick;
                opts.Events.MetadataConfig.EnableAll();
                // Receipts find an event by its id (a vote's, a contribution's: IHasReceipt); unique, so one id names one event.
                opts.Events.EnableUniqueIndexOnEventId = true;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                opts.Listeners.Add(new EventMetadataListener(sp.GetRequiredService<TimeProvider>()));
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.Schema.For<IdempotentRequest>();
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = MessagingSchema);
        MartenStatementLog.Replace(services);
        // Runs, behind the high-water mark, the audit chain (a subscription, when on) and the async projections
        // (Insights', docs/adr/0022); the other modules' projections are inline.
        marten.AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.Solo);
        return services;
    }
}
