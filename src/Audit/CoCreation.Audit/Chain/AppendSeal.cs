using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;
using static Weasel.Postgresql.SchemaUtils;

namespace CoCreation.Audit;

/// <summary>
/// Seals every event in its append's own transaction (docs/adr/0024, "Sealed at append"): a statement trigger on
/// Marten's event table writes <c>audit.event_seals</c> (seq, SHA-256 over the row as appended, when), so the chain,
/// which links an event a moment later, finds a row changed in between instead of absorbing it. The seal is computed
/// by PostgreSQL (<c>audit.event_seal</c>) from the row's own columns, so the chain and verification recompute it with
/// the same function; it covers id, stream, version, type, tenant, data, causation, correlation, headers and
/// timestamp, not the archived flag (archiving a stream is an update Marten makes by design).
/// A Weasel schema object, so Marten creates, checks and migrates it with the rest.
/// </summary>
public sealed class AppendSeal(string eventSchema) : ISchemaObject
{
    public const string TriggerName = "audit_seal";

    /// <summary>The SQL expression of a row's seal, for a row of the events table aliased <paramref name="e"/>.</summary>
    public static string Of(string e) =>
        $"audit.event_seal({e}.id, {e}.stream_id, {e}.version, {e}.type, {e}.tenant_id, {e}.data, {e}.correlation_id, {e}.causation_id, {e}.headers, {e}.timestamp)";

    private const string SealBody =
        " select encode(sha256(convert_to(concat_ws(E'\\n', id::text, stream_id::text, version::text, type, coalesce(tenant_id, ''), data::text, " +
        "coalesce(correlation_id, ''), coalesce(causation_id, ''), coalesce(headers::text, ''), " +
        // Marten stamps the tombstones that fill a failed append's sequence numbers with an infinite time.
        "case when isfinite(at) then (extract(epoch from at) * 1000000)::bigint::text else at::text end), 'UTF8')), 'hex') ";

    private static readonly string TriggerBody =
        " begin insert into audit.event_seals (seq_id, seal, sealed_at) select a.seq_id, " + Of("a") + ", clock_timestamp() from appended a " +
        "on conflict (seq_id) do nothing; return null; end ";

    public DbObjectName Identifier { get; } = new PostgresqlObjectName(AuditModule.Schema, "seal_appended", IdentifierUsage.General);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    public void WriteCreateStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine("create or replace function audit.event_seal(id uuid, stream_id uuid, version bigint, type text, tenant_id text, data jsonb, " +
                         "correlation_id text, causation_id text, headers jsonb, at timestamptz) returns text language sql stable as $$" + SealBody + "$$;");
        writer.WriteLine("create or replace function audit.seal_appended() returns trigger language plpgsql as $$" + TriggerBody + "$$;");
        writer.WriteLine($"drop trigger if exists {TriggerName} on {eventSchema}.mt_events;");
        writer.WriteLine($"create trigger {TriggerName} after insert on {eventSchema}.mt_events referencing new table as appended " +
                         "for each statement execute function audit.seal_appended();");
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine($"drop trigger if exists {TriggerName} on {eventSchema}.mt_events;");
        writer.WriteLine("drop function if exists audit.seal_appended();");
        writer.WriteLine("drop function if exists audit.event_seal(uuid, uuid, bigint, text, text, jsonb, text, text, jsonb, timestamptz);");
    }

    /// <summary>One row: the two functions' bodies as installed and whether the trigger is on the events table.</summary>
    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) => builder.Append(
        "select (select p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'audit' and p.proname = 'event_seal'), " +
        "(select p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'audit' and p.proname = 'seal_appended'), " +
        "exists (select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace " +
        $"where t.tgname = '{TriggerName}' and c.relname = 'mt_events' and n.nspname = '{eventSchema}' and t.tgenabled <> 'D');");

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var installed = await reader.ReadAsync(ct)
            && !await reader.IsDBNullAsync(0, ct) && reader.GetString(0) == SealBody
            && !await reader.IsDBNullAsync(1, ct) && reader.GetString(1) == TriggerBody
            && reader.GetBoolean(2);
        return new RecreatingDelta(this, installed ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
    }
}

/// <summary>
/// The seal as a Marten feature of its own: Marten applies custom features after its event tables, which the trigger
/// is created on (its extended schema objects come before them).
/// </summary>
public sealed class AppendSealFeature(string eventSchema, Weasel.Core.Migrator migrator) : Weasel.Core.Migrations.FeatureSchemaBase("AuditAppendSeal", migrator)
{
    public override Type StorageType => typeof(AppendSealFeature);

    protected override IEnumerable<ISchemaObject> schemaObjects() => [AuditTables.EventSeals, new AppendSeal(eventSchema)];
}
