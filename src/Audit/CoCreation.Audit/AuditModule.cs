using CoCreation.Audit.Privacy;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.TimeTravel;
using CoCreation.BuildingBlocks.Ui;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Audit;

/// <summary>
/// The audit capability, registered like a module: the campaign history, state at an instant (asking every module's
/// <see cref="ICampaignStatePart"/>), the hash chain and its verification, erasure (applying every module's
/// <see cref="BuildingBlocks.Privacy.IPersonalData"/>), their pages and the <c>audit</c> CLI verbs. Its tables are Marten
/// schema objects, so <c>db-apply</c> and <c>db-assert</c> manage them with the modules' own.
/// </summary>
public static class AuditModule
{
    public const string Schema = "audit";

    /// <param name="chain">Whether the chain (and the Merkle tree beside it) is kept: CoCreation:Audit:Chain.</param>
    /// <param name="transparency">The checkpoint signing key and cadence; none, no checkpoint is signed.</param>
    public static IServiceCollection AddAudit(this IServiceCollection services, bool chain = true, Transparency.Signing.TransparencySettings? transparency = null)
    {
        if (transparency is not null)
        {
            services.AddSingleton(transparency);
            services.AddSingleton<Transparency.Signing.CheckpointLog>();
            services.AddSingleton<Transparency.Witnessing.CheckpointWitness>();
            services.AddSingleton<Transparency.Receipts.ReceiptIssuer>();
            services.AddSingleton<BuildingBlocks.Audit.IEventReceipts>(sp => sp.GetRequiredService<Transparency.Receipts.ReceiptIssuer>());
            if (chain) services.AddHostedService<Transparency.Signing.CheckpointPublisher>();
        }
        services.AddSingleton<Transparency.MerkleStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<BuildingBlocks.Audit.IEventLogIntegrity>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<CampaignHistory>();
        services.AddSingleton<IEventLogAt, EventLogAt>();
        services.AddSingleton<CampaignStateAt>();
        services.AddSingleton<ICampaignHistoryAccess, CampaignHistoryAccess>();
        services.AddScoped<PersonalDataEraser>();
        services.AddSingleton<Privacy.Downloading.MemberDataExport>();
        services.AddSingleton(new SlotContribution(UiSlots.MySections, typeof(Privacy.Downloading.MyDataSection), Order: 90));
        services.AddSingleton(new SlotContribution(UiSlots.LegalSections, typeof(Verifying.AuditChainStatus), Order: 90));
        services.AddSingleton(new RefusalSentences(Privacy.Erasing.ErasurePageEndpoints.Sentences, Module: Privacy.Erasing.ErasureText.Module,
            Text: typeof(AuditText)));
        services.ConfigureMarten((sp, opts) =>
        {
            if (chain) opts.Events.Subscribe(new ChainSubscription(sp.GetRequiredService<AuditStore>));
        });
        return services.AddModule<AuditEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventType<PersonalDataErased>();
            opts.Events.AddEventType<Transparency.Signing.CheckpointSigned>();
            opts.Storage.ExtendedSchemaObjects.Add(AuditTables.EventChain);
            opts.Storage.Add(new AppendSealFeature(opts.Events.DatabaseSchemaName, opts.Advanced.Migrator));
            opts.Storage.Add(new CampaignEventsIndexFeature(opts.Events.DatabaseSchemaName, opts.Advanced.Migrator));
            opts.Storage.ExtendedSchemaObjects.Add(AuditTables.Erasures);
            opts.Storage.ExtendedSchemaObjects.Add(AuditTables.MerkleLeaves);
            opts.Storage.ExtendedSchemaObjects.Add(AuditTables.MerkleSubtrees);
            opts.Storage.ExtendedSchemaObjects.Add(AuditTables.Checkpoints);
        });
    }
}
