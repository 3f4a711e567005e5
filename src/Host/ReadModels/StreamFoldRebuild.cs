using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Npgsql;
using Weasel.Core;

namespace CoCreation.Host.ReadModels;

/// <summary>What a rebuild read, wrote and took.</summary>
public sealed record RebuildResult(string Projection, long Events, int Documents, int Refolded, long Ceiling, TimeSpan Elapsed)
{
    /// <summary>Of the elapsed time, reading and folding the log (the rest writes the documents and folds the late streams again).</summary>
    public TimeSpan Reading { get; init; }

    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Rebuilds a single-stream read model (one document per stream, folded by the projection Marten registered) by reading
/// the projection's event types in one pass of the log and writing the documents with COPY. Marten's daemon rebuild pages
/// the log through its event reader, which deserializes every event's headers the fold never looks at; on the
/// benchmark machine it stayed near 80,000 events/s however it was tuned (docs/benchmarks.md, docs/adr/0026).
/// The documents are Marten's aggregator's own, so the result is the daemon's. Each event is given its data, stream,
/// version, sequence, id, time and tenant, not its headers or correlation ids: a projection that folds those must be
/// rebuilt with <c>projections rebuild</c> (the end-to-end test compares every inline projection's documents).
/// Readers keep the old documents until the new ones replace them; streams appended to during the rebuild are folded
/// again at its end.
/// </summary>
public sealed class StreamFoldRebuild(IDocumentStore store, NpgsqlDataSource dataSource)
{
    private const int Batch = 8_192;

    /// <summary>
    /// The inline single-stream projections, by name, with their document type. Async ones are left to Marten's daemon:
    /// it would go on applying events past its own progression onto documents this wrote.
    /// </summary>
    public IReadOnlyDictionary<string, Type> Rebuildable() =>
        ((StoreOptions)store.Options).Projections.All
            .Where(p => p.Lifecycle == ProjectionLifecycle.Inline && SingleStreamDocument(p.GetType()) is not null)
            .ToDictionary(p => p.Name, p => SingleStreamDocument(p.GetType())!, StringComparer.OrdinalIgnoreCase);

    /// <param name="afterReading">Runs once the log is read, before the documents are written (tests append there).</param>
    public Task<RebuildResult> Rebuild(string projection, CancellationToken token, Func<Task>? afterReading = null)
    {
        var rebuildable = Rebuildable();
        if (!rebuildable.TryGetValue(projection, out var document))
            throw new ArgumentException($"'{projection}' is not a single-stream projection of this host; these are: {string.Join(", ", rebuildable.Keys)}.");
        var method = typeof(StreamFoldRebuild).GetMethod(nameof(RebuildOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return (Task<RebuildResult>)method.MakeGenericMethod(document).Invoke(this, [projection, afterReading, token])!;
    }

    private async Task<RebuildResult> RebuildOf<T>(string projection, Func<Task>? afterReading, CancellationToken token) where T : class
    {
        var clock = Stopwatch.StartNew();
        var options = (StoreOptions)store.Options;
        var graph = (EventGraph)options.Events;
        var source = options.Projections.All.Single(p => p.Name == projection);
        var included = ((EventFilterable)source).IncludedEventTypes.ToHashSet();
        var types = graph.AllKnownEventTypes().Where(t => included.Count == 0 || included.Any(i => i.IsAssignableFrom(t.EventType)))
            .ToDictionary(t => t.EventTypeName, t => t.EventType);
        var serializer = options.Serializer();
        var aggregator = options.Projections.AggregatorFor<T>();
        var events = $"{graph.DatabaseSchemaName}.mt_events";

        long ceiling;
        await using (var high = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {events}"))
            ceiling = (long)(await high.ExecuteScalarAsync(token))!;

        var folded = new Dictionary<Guid, T>();
        long read = 0;
        await using var session = store.QuerySession();
        await using (var command = dataSource.CreateCommand(
            $"select stream_id, version, seq_id, type, data, id, timestamp, tenant_id from {events} where type = any($1) and is_archived = false and seq_id <= $2 order by seq_id"))
        {
            command.Parameters.Add(new() { Value = types.Keys.ToArray() });
            command.Parameters.Add(new() { Value = ceiling });
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(token);
            var page = new Dictionary<Guid, List<IEvent>>();
            var inPage = 0;
            while (await reader.ReadAsync(token))
            {
                var e = graph.BuildEvent(serializer.FromJson(types[reader.GetString(3)], reader, 4));
                e.StreamId = reader.GetGuid(0);
                e.Version = reader.GetInt64(1);
                e.Sequence = reader.GetInt64(2);
                e.Id = reader.GetGuid(5);
                e.Timestamp = reader.GetFieldValue<DateTimeOffset>(6);
                e.TenantId = reader.GetString(7);
                (page.TryGetValue(e.StreamId, out var list) ? list : page[e.StreamId] = []).Add(e);
                read++;
                if (++inPage < Batch) continue;
                await Fold(page, folded, aggregator, session, token);
                inPage = 0;
            }
            await Fold(page, folded, aggregator, session, token);
        }
        var reading = clock.Elapsed;
        if (afterReading is not null) await afterReading();

        await store.BulkInsertAsync(folded.Values.ToList(), BulkInsertMode.OverwriteExisting, 5_000, token);
        var kept = folded.Keys.ToArray();
        await using (var prune = dataSource.CreateCommand($"delete from {store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName} where not (id = any($1))"))
        {
            prune.Parameters.Add(new() { Value = kept });
            await prune.ExecuteNonQueryAsync(token);
        }

        // The inline projection went on writing while the log was read; a stream appended to since the ceiling may now
        // hold the older document this rebuild wrote, so each such stream is folded again, whole, by Marten.
        var since = new List<Guid>();
        await using (var appended = dataSource.CreateCommand($"select distinct stream_id from {events} where seq_id > $1 and type = any($2)"))
        {
            appended.Parameters.Add(new() { Value = ceiling });
            appended.Parameters.Add(new() { Value = types.Keys.ToArray() });
            await using var reader = await appended.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token)) since.Add(reader.GetGuid(0));
        }
        if (since.Count > 0)
        {
            await using var refold = store.LightweightSession();
            foreach (var stream in since)
                if (await refold.Events.AggregateStreamAsync<T>(stream, token: token) is { } current) refold.Store(current);
            await refold.SaveChangesAsync(token);
        }
        return new RebuildResult(projection, read, folded.Count, since.Count, ceiling, clock.Elapsed) { Reading = reading };
    }

    private static async Task Fold<T>(Dictionary<Guid, List<IEvent>> page, Dictionary<Guid, T> folded,
        JasperFx.Events.Aggregation.IAggregator<T, IQuerySession> aggregator, IQuerySession session, CancellationToken token) where T : class
    {
        foreach (var (stream, list) in page)
        {
            folded.TryGetValue(stream, out var snapshot);
            var next = await aggregator.BuildAsync(list, session, snapshot, token);
            if (next is null) folded.Remove(stream);
            else folded[stream] = next;
        }
        page.Clear();
    }

    private static Type? SingleStreamDocument(Type? projection)
    {
        for (; projection is not null; projection = projection.BaseType)
            if (projection.IsGenericType && projection.GetGenericTypeDefinition() == typeof(Marten.Events.Aggregation.SingleStreamProjection<,>))
                return projection.GetGenericArguments()[0];
        return null;
    }
}
