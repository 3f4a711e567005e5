using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CoCreation.Audit;

/// <summary>The audit's own tables beside Marten's event log, declared to Marten so its schema tooling creates, migrates and checks them.</summary>
public static class AuditTables
{
    /// <summary>One row per chained event: its hash and the running link (docs/adr/0013).</summary>
    public static Table EventChain { get; } = Build("event_chain", t =>
    {
        t.AddColumn("seq_id", "bigint").AsPrimaryKey();
        t.AddColumn("event_hash", "text").NotNull();
        t.AddColumn("link", "text").NotNull();
    });

    /// <summary>One row per masked event: the hash of its masked form, so verification still holds (docs/adr/0014).</summary>
    public static Table Erasures { get; } = Build("erasures", t =>
    {
        t.AddColumn("seq_id", "bigint").AsPrimaryKey();
        t.AddColumn("erased_hash", "text").NotNull();
        t.AddColumn("member_id", "text").NotNull();
        t.AddColumn("erased_at", "timestamp with time zone").NotNull();
    });

    private static Table Build(string name, Action<Table> columns)
    {
        var table = new Table(new PostgresqlObjectName(AuditModule.Schema, name));
        columns(table);
        return table;
    }
}
