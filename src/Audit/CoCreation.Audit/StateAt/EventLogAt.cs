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
            $"select data::text from {Events} where type = $1 and headers ->> $2 = $3 and (headers ->> $4)::timestamptz <= $5 order by seq_id");
        command.Parameters.Add(new() { Value = typeName });
        command.Parameters.Add(new() { Value = EventHeaders.CampaignId });
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
        command.Parameters.Add(new() { Value = at });
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            yield return serializer.FromJson<TEvent>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))));
    }

    public async Task<T?> Aggregate<T>(Guid streamId, long version, CancellationToken token) where T : class
    {
        await using var session = store.QuerySession();
        return await session.Events.AggregateStreamAsync<T>(streamId, version, token: token);
    }
}
