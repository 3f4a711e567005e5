using System.Text.Json;
using CoCreation.BuildingBlocks.Metadata;
using Npgsql;

namespace CoCreation.Host.Audit;

public sealed record HistoryEntry(long Seq, DateTimeOffset At, string? Module, string Type, Guid StreamId, string? Actor,
    string? CorrelationId, string? CausationId, JsonElement Data);

/// <summary>A campaign's events of every module, in global order, found by the campaign id every event of it carries.</summary>
public sealed class CampaignHistory(NpgsqlDataSource dataSource)
{
    /// <summary>Whether any event belongs to the campaign (its creation always does).</summary>
    public async Task<bool> Exists(Guid campaignId, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from events.mt_events where headers ->> $1 = $2)");
        command.Parameters.Add(new() { Value = EventHeaders.CampaignId });
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        return (bool)(await command.ExecuteScalarAsync(token))!;
    }

    public async Task<IReadOnlyList<HistoryEntry>> Page(Guid campaignId, long after, int limit, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand(
            "select seq_id, timestamp, headers ->> $4, type, stream_id, headers ->> $5, correlation_id, causation_id, data::text " +
            "from events.mt_events where headers ->> $1 = $2 and seq_id > $3 order by seq_id limit $6");
        command.Parameters.Add(new() { Value = EventHeaders.CampaignId });
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = EventHeaders.Module });
        command.Parameters.Add(new() { Value = EventHeaders.Actor });
        command.Parameters.Add(new() { Value = limit });
        var page = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            using var data = JsonDocument.Parse(reader.GetString(8));
            page.Add(new HistoryEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), data.RootElement.Clone()));
        }
        return page;
    }
}
