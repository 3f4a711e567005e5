using Weasel.Core;

namespace CoCreation.Audit;

/// <summary>The difference of a schema object whose create statement is idempotent: an update recreates it, a rollback drops it.</summary>
internal sealed class RecreatingDelta(ISchemaObject schemaObject, SchemaPatchDifference difference) : ISchemaObjectDelta
{
    public ISchemaObject SchemaObject => schemaObject;
    public SchemaPatchDifference Difference => difference;
    public void WriteUpdate(Migrator rules, TextWriter writer) => schemaObject.WriteCreateStatement(rules, writer);
    public void WriteRollback(Migrator rules, TextWriter writer) => schemaObject.WriteDropStatement(rules, writer);
    public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) => schemaObject.WriteDropStatement(rules, writer);
}
