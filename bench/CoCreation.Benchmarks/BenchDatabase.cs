using Npgsql;

namespace CoCreation.Benchmarks;

/// <summary>Plain SQL on the benchmark's database, for what a benchmark waits for or counts.</summary>
public static class BenchDatabase
{
    public static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public static async Task Execute(string connectionString, string sql)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var command = data.CreateCommand(sql);
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync();
    }

    public static Task<long> Count(string c) => Scalar(c, "select count(*) from events.mt_events");

    public static Task<long> MaxSequence(string c) => Scalar(c, "select coalesce(max(seq_id), 0) from events.mt_events");

    /// <summary>
    /// The least advanced async projection or subscription (Insights', the chain), from Marten's progression table;
    /// not its HighWater bookkeeping rows (a skipped gap leaves one behind for good), nor IdeaDetails (inline, rebuilt).
    /// </summary>
    public static Task<long> SlowestAsyncShard(string c) =>
        Scalar(c, "select coalesce(min(last_seq_id), 0) from events.mt_event_progression where name not like 'HighWater%' and name not like 'IdeaDetails%'");
}
