using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.TimeTravel;
using Marten;
using Npgsql;
using System.Runtime.CompilerServices;

namespace CoCreation.Audit;

/// <summary>The log at an instant for the modules' state parts: "recorded" is the application time each event carries, so the dev clock's moves are honoured.</summary>
public sealed class EventLogAt(NpgsqlDataSource dataSource, IDocumentStore store) : IEventLogAt
{
    private string Events => AuditStore.EventsTable(store);

    public async Task<IReadOnlyDictionary<Guid, long>> VersionsAt(IReadOnlyCollection<Guid> streams, DateTimeOffset at, CancellationToken token)
    {
        var versions = new Dictionary<Guid, long>();
        await using var command = dataSource.CreateCommand(
            $"select stream_id, max(version) from {Events} where stream_id = any($1) and (headers ->> $2)::timestamptz <= $3 group by stream_id");
        command.Parameters.Add(new() { Value = streams.ToArray() });
        command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
        command.Parameters.Add(new() { Value = at });
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token)) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }

    public async IAsyncEnumerable<TEvent> EventsOf<TEvent>(Guid campaignId, DateTimeOffset at, [EnumeratorCancellation] CancellationToken token)
        where TEvent : class
    {
        var typeName = store.Options.Events.AllKnownEventTypes().First(t => t.EventType == typeof(TEvent)).EventTypeName;
        var serializer = store.Options.Serializer();
        await using var command = dataSource.CreateCommand(
            $"select data::text from {Events} where {CampaignEventsIndex.Key} = $2 and type = $1 and (headers ->> $3)::timestamptz <= $4 order by seq_id");
        command.Parameters.Add(new() { Value = typeName });
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
        command.Parameters.Add(new() { Value = at });
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            yield return serializer.FromJson<TEvent>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))));
    }

    public async Task<IReadOnlyDictionary<Guid, T>> AggregatesAt<T>(IReadOnlyCollection<Guid> streams, DateTimeOffset at, CancellationToken token) where T : class
    {
        var versions = await VersionsAt(streams, at, token);
        var folded = new Dictionary<Guid, T>();
        if (versions.Count == 0) return folded;
        var ids = versions.Keys.ToArray();
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids))
            .OrderBy(e => e.StreamId).ThenBy(e => e.Version).ToListAsync(token);
        // The stream's projection (or the type's own Create/Apply), the one Marten's live aggregation uses.
        var aggregator = ((StoreOptions)store.Options).Projections.AggregatorFor<T>();
        foreach (var stream in events.Where(e => e.Version <= versions[e.StreamId]).GroupBy(e => e.StreamId))
            if (await aggregator.BuildAsync(stream.ToList(), session, default, token) is { } aggregate)
                folded[stream.Key] = aggregate;
        return folded;
    }
}
