using System.Data.Common;
using CoCreation.BuildingBlocks.Metadata;
using Weasel.Core;
using Weasel.Postgresql;
using static Weasel.Postgresql.SchemaUtils;

namespace CoCreation.Audit;

/// <summary>
/// An index on Marten's event table by the campaign every event carries in its headers, then global order: a campaign's
/// history pages, its outline, its state at an instant and its leaderboard read only that campaign's events instead of
/// scanning the log (docs/adr/0025). PostgreSQL matches an expression index only against the same expression, so the
/// queries that should use it write the key as a literal (<see cref="Key"/>), not as a parameter.
/// </summary>
public sealed class CampaignEventsIndex(string eventSchema) : ISchemaObject
{
    public const string Name = "mt_events_campaign";

    /// <summary>The campaign expression, for a row of the events table: the same text the index was built on.</summary>
    public const string Key = "(headers ->> '" + EventHeaders.CampaignId + "')";

    public string CreateSql => $"create index if not exists {Name} on {eventSchema}.mt_events ({Key}, seq_id) where {Key} is not null;";

    public DbObjectName Identifier => new PostgresqlObjectName(eventSchema, Name, IdentifierUsage.General);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    public void WriteCreateStatement(Migrator rules, TextWriter writer) => writer.WriteLine(CreateSql);

    public void WriteDropStatement(Migrator rules, TextWriter writer) => writer.WriteLine($"drop index if exists {eventSchema}.{Name};");

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) =>
        builder.Append($"select exists (select 1 from pg_indexes where schemaname = '{eventSchema}' and indexname = '{Name}');");

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var present = await reader.ReadAsync(ct) && reader.GetBoolean(0);
        return new RecreatingDelta(this, present ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
    }
}

/// <summary>The index as a Marten feature of its own, so it is applied after the event table it is built on.</summary>
public sealed class CampaignEventsIndexFeature(string eventSchema, Migrator migrator) : Weasel.Core.Migrations.FeatureSchemaBase("AuditCampaignEvents", migrator)
{
    public override Type StorageType => typeof(CampaignEventsIndexFeature);

    protected override IEnumerable<ISchemaObject> schemaObjects() => [new CampaignEventsIndex(eventSchema)];
}
