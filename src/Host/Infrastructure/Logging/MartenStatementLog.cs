using Marten;
using Marten.Services;
using Npgsql;

namespace CoCreation.Host.Infrastructure.Logging;

/// <summary>
/// Marten's log without parameter values (they hold documents and events, so what members wrote): statements at Debug,
/// schema changes at Information. A failed statement is logged at Debug only: Marten throws it on to the caller,
/// which answers it or logs it (Wolverine's handler, the HTTP problem handler), so it is not reported twice as an error.
/// </summary>
internal sealed class MartenStatementLog(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    /// <summary>
    /// Swapped in once the store is built: Marten gives the daemon and Npgsql its logger factory only when it installs its own
    /// statement logger, and every session asks the store's options for the statement logger when it opens.
    /// </summary>
    public static void Replace(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IDocumentStore));
        var build = registered.ImplementationFactory
            ?? throw new InvalidOperationException("Marten's IDocumentStore registration changed; MartenStatementLog cannot replace its logger.");
        services.Remove(registered);
        services.AddSingleton<IDocumentStore>(sp =>
        {
            var store = (DocumentStore)build(sp);
            store.Options.Logger(new MartenStatementLog(sp.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));
            return store;
        });
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Marten executed {Sql}", command.CommandText);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Marten executed {Sql}", string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) =>
        logger.LogDebug(ex, "Marten statement failed: {Sql}", command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        logger.LogDebug(ex, "Marten batch failed: {Sql}", string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => logger.LogWarning(ex, "Marten: {Problem}", message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Marten saved {Inserted} inserts, {Updated} updates, {Deleted} deletions",
                commit.Inserted.Count(), commit.Updated.Count(), commit.Deleted.Count());
    }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }
}
