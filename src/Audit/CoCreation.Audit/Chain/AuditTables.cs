using Weasel.Postgresql;
using static Weasel.Postgresql.SchemaUtils;
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
        // When the chain linked the event, and when its append sealed it: the chain's lag (docs/adr/0024).
        t.AddColumn("chained_at", "timestamp with time zone").DefaultValueByExpression("clock_timestamp()");
        t.AddColumn("sealed_at", "timestamp with time zone");
        // Why the event, when the chain linked it, no longer matched its append's seal (null: it did, or it predates sealing).
        t.AddColumn("append_problem", "text");
    });

    /// <summary>One row per appended event, written by the append's own transaction (<see cref="AppendSeal"/>).</summary>
    public static Table EventSeals { get; } = Build("event_seals", t =>
    {
        t.AddColumn("seq_id", "bigint").AsPrimaryKey();
        t.AddColumn("seal", "text").NotNull();
        t.AddColumn("sealed_at", "timestamp with time zone").NotNull();
    });

    /// <summary>One row per masked event: the hash of its masked form, so verification still holds (docs/adr/0014).</summary>
    public static Table Erasures { get; } = Build("erasures", t =>
    {
        t.AddColumn("seq_id", "bigint").AsPrimaryKey();
        t.AddColumn("erased_hash", "text").NotNull();
        t.AddColumn("member_id", "text").NotNull();
        t.AddColumn("erased_at", "timestamp with time zone").NotNull();
    });

    /// <summary>The Merkle tree's leaves (docs/adr/0024): leaf index = position of the chained event in sequence order, gaps skipped.</summary>
    public static Table MerkleLeaves { get; } = Build("merkle_leaves", t =>
    {
        t.AddColumn("leaf_index", "bigint").AsPrimaryKey();
        t.AddColumn("seq_id", "bigint").NotNull().AddIndex(i => i.IsUnique = true);
        t.AddColumn("leaf_hash", "bytea").NotNull();
    });

    /// <summary>Every finished perfect subtree above the leaves: level ≥ 1, covering leaves [index·2^level, (index+1)·2^level).</summary>
    public static Table MerkleSubtrees { get; } = Build("merkle_subtrees", t =>
    {
        t.AddColumn("level", "integer").AsPrimaryKey();
        t.AddColumn("idx", "bigint").AsPrimaryKey();
        t.AddColumn("hash", "bytea").NotNull();
    });

    /// <summary>Every signed tree head, in the C2SP checkpoint format (the note as served).</summary>
    public static Table Checkpoints { get; } = Build("checkpoints", t =>
    {
        t.AddColumn("tree_size", "bigint").AsPrimaryKey();
        t.AddColumn("root_hash", "bytea").NotNull();
        t.AddColumn("note", "text").NotNull();
        t.AddColumn("signed_at", "timestamp with time zone").NotNull();
    });

    private static Table Build(string name, Action<Table> columns)
    {
        var table = new Table(new PostgresqlObjectName(AuditModule.Schema, name, IdentifierUsage.General));
        columns(table);
        return table;
    }
}
