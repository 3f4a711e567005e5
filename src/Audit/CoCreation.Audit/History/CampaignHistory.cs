using System.Text.Json;
using System.Text.Json.Nodes;
using CoCreation.BuildingBlocks.Metadata;
using Npgsql;

namespace CoCreation.Audit;

/// <summary>At: the application clock's time when the event was recorded (the clock <c>state?at=</c> reads); StoredAt: the database's.</summary>
public sealed record HistoryEntry(long Seq, DateTimeOffset At, string? Module, string Type, Guid StreamId, string? Actor,
    string? CorrelationId, string? CausationId, JsonNode? Data, DateTimeOffset StoredAt);

/// <summary>First: when the campaign's first event was recorded (null: it has none).</summary>
public sealed record HistoryOutline(DateTimeOffset? First, IReadOnlyList<string> Modules, IReadOnlyList<string> Types);

/// <summary>A campaign's events of every module, in global order, found by the campaign id every event of it carries.</summary>
public sealed class CampaignHistory(NpgsqlDataSource dataSource, Marten.IDocumentStore store)
{
    private string Events => AuditStore.EventsTable(store);

    /// <summary>Whether any event belongs to the campaign (its creation always does).</summary>
    public async Task<bool> Exists(Guid campaignId, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand($"select exists (select 1 from {Events} where {CampaignEventsIndex.Key} = $1)");
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        return (bool)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>Up to <paramref name="limit"/> events after the sequence <paramref name="after"/>, of one module and one event type when given.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> Page(Guid campaignId, long after, int limit, CancellationToken token, string? module = null, string? type = null)
    {
        await using var command = dataSource.CreateCommand(
            "select seq_id, coalesce((headers ->> $6)::timestamptz, timestamp), headers ->> $3, type, stream_id, headers ->> $4, correlation_id, causation_id, data::text, timestamp " +
            $"from {Events} where {CampaignEventsIndex.Key} = $1 and seq_id > $2 and ($7::text is null or headers ->> $3 = $7) and ($8::text is null or type = $8) " +
            "order by seq_id limit $5");
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = EventHeaders.Module });
        command.Parameters.Add(new() { Value = EventHeaders.Actor });
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
        command.Parameters.Add(new() { Value = (object?)module ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)type ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var page = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            page.Add(new HistoryEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                CamelCase(JsonNode.Parse(reader.GetString(8))), reader.GetFieldValue<DateTimeOffset>(9)));
        }
        return page;
    }

    /// <summary>The <c>after</c> that shows the page of (filtered) events just before the sequence <paramref name="before"/>: 0 from the start.</summary>
    public async Task<long> AfterOfPageBefore(Guid campaignId, long before, int limit, CancellationToken token, string? module = null, string? type = null)
    {
        await using var command = dataSource.CreateCommand(
            $"select seq_id from {Events} where {CampaignEventsIndex.Key} = $1 and seq_id < $2 and ($4::text is null or headers ->> $5 = $4) and ($6::text is null or type = $6) " +
            "order by seq_id desc offset $3 limit 1");
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        command.Parameters.Add(new() { Value = before });
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = (object?)module ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = EventHeaders.Module });
        command.Parameters.Add(new() { Value = (object?)type ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(token) is long seq ? seq : 0;
    }

    /// <summary>When the campaign's first event was recorded (application time), and the modules and event types its history holds.</summary>
    public async Task<HistoryOutline> Outline(Guid campaignId, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand(
            $"select min(coalesce((headers ->> $2)::timestamptz, timestamp)), headers ->> $3, type from {Events} where {CampaignEventsIndex.Key} = $1 group by headers ->> $3, type");
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
        command.Parameters.Add(new() { Value = EventHeaders.Module });
        DateTimeOffset? first = null;
        var kinds = new List<(string? Module, string Type)>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            var at = reader.GetFieldValue<DateTimeOffset>(0);
            if (first is null || at < first) first = at;
            kinds.Add((reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }
        return new HistoryOutline(first, kinds.Select(k => k.Module).OfType<string>().Distinct().Order().ToList(),
            kinds.Select(k => k.Type).Distinct().Order().ToList());
    }

    /// <summary>Event data is stored with the .NET member names; the API speaks camelCase everywhere.</summary>
    public static JsonNode? CamelCase(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(JsonNamingPolicy.CamelCase.ConvertName(p.Key), CamelCase(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(i => CamelCase(i?.DeepClone())).ToArray()),
        _ => node?.DeepClone()
    };
}
