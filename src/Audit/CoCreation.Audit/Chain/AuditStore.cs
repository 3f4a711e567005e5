using Npgsql;

namespace CoCreation.Audit;

/// <summary>
/// The chain's table (<c>audit.event_chain</c>) next to Marten's <c>events.mt_events</c>, which it reads directly:
/// the event log is the platform's shared infrastructure, not a module's data.
/// </summary>
public sealed class AuditStore(NpgsqlDataSource dataSource) : CoCreation.BuildingBlocks.Audit.IEventLogIntegrity
{
    /// <summary>Recomputes the given events' hashes against the chain: a changed or archived row is found; events not yet chained are counted apart.</summary>
    public async Task<CoCreation.BuildingBlocks.Audit.LogIntegrity> Check(IReadOnlyCollection<long> sequences, CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        string? head = null;
        await using (var last = new NpgsqlCommand("select link from audit.event_chain order by seq_id desc limit 1", connection))
            head = (string?)await last.ExecuteScalarAsync(token);
        var found = 0;
        var unchained = 0;
        long? broken = null;
        string? problem = null;
        await using (var rows = new NpgsqlCommand(
            $"select {EventColumns}, c.event_hash, x.erased_hash from events.mt_events e left join audit.event_chain c on c.seq_id = e.seq_id " +
            "left join audit.erasures x on x.seq_id = e.seq_id where e.seq_id = any($1) order by e.seq_id", connection))
        {
            rows.Parameters.Add(new() { Value = sequences.ToArray() });
            await using var reader = await rows.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                found++;
                if (reader.IsDBNull(12)) { unchained++; continue; }
                var e = Read(reader);
                var hash = EventChain.HashOf(e);
                if (broken is null && hash != reader.GetString(12) && (reader.IsDBNull(13) || hash != reader.GetString(13)))
                    (broken, problem) = (e.Sequence, $"event {e.Sequence} ({e.Type}) differs from what the chain recorded");
            }
        }
        if (broken is null && found < sequences.Count) (broken, problem) = (sequences.Min(), $"{sequences.Count - found} of the events are missing from the log");
        return new(sequences.Count, unchained, head, broken is null, broken, problem);
    }

    /// <summary>The columns a <see cref="ChainedEvent"/> is read from, as <see cref="Read"/> expects them (alias <c>e</c>).</summary>
    internal const string EventColumns =
        "e.seq_id, e.stream_id, e.version, e.type, e.data::text, e.correlation_id, e.causation_id, e.headers::text, e.timestamp, e.id, e.is_archived, e.tenant_id";

    public async Task EnsureSchema(CancellationToken token)
    {
        await using var command = dataSource.CreateCommand(
            "create schema if not exists audit; " +
            "create table if not exists audit.event_chain (seq_id bigint primary key, event_hash text not null, link text not null); " +
            "create table if not exists audit.erasures (seq_id bigint primary key, erased_hash text not null, member_id text not null, erased_at timestamptz not null)");
        await command.ExecuteNonQueryAsync(token);
    }

    /// <summary>
    /// Chains the given events (a page the async daemon released: below its high-water mark, gaps settled) after the
    /// chain's head, in the same transaction as the daemon's progress.
    /// </summary>
    public async Task Chain(IReadOnlyList<long> sequences, Marten.IDocumentOperations operations, CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        // Chain only what lies beyond the chain's head, from the head's link: a replayed page (a rebuild, a rewind)
        // adds nothing it already holds, and never links from the wrong place.
        var link = "";
        long head = 0;
        await using (var last = new NpgsqlCommand("select seq_id, link from audit.event_chain order by seq_id desc limit 1", connection))
        await using (var reader = await last.ExecuteReaderAsync(token))
            if (await reader.ReadAsync(token)) (head, link) = (reader.GetInt64(0), reader.GetString(1));
        sequences = sequences.Where(s => s > head).ToList();
        if (sequences.Count == 0) return;
        var chained = new List<long>();
        var hashes = new List<string>();
        var links = new List<string>();
        await using (var rows = new NpgsqlCommand($"select {EventColumns} from events.mt_events e where e.seq_id = any($1) order by e.seq_id", connection))
        {
            rows.Parameters.Add(new() { Value = sequences.ToArray() });
            await using var reader = await rows.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var hash = EventChain.HashOf(Read(reader));
                link = EventChain.Link(link, hash);
                chained.Add(reader.GetInt64(0));
                hashes.Add(hash);
                links.Add(link);
            }
        }
        if (chained.Count > 0)
            operations.QueueSqlCommand("insert into audit.event_chain (seq_id, event_hash, link) select * from unnest(?, ?, ?) on conflict do nothing",
                chained.ToArray(), hashes.ToArray(), links.ToArray());
    }

    public async Task<VerifyResult> Verify(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        long head;
        await using (var max = new NpgsqlCommand("select coalesce(max(seq_id), 0) from audit.event_chain", connection))
            head = (long)(await max.ExecuteScalarAsync(token))!;
        long unchained;
        await using (var count = new NpgsqlCommand("select count(*) from events.mt_events where seq_id > $1", connection))
        {
            count.Parameters.Add(new() { Value = head });
            unchained = (long)(await count.ExecuteScalarAsync(token))!;
        }
        // The sequences that erasure events (chained like any other) say they masked.
        var erasures = new HashSet<long>();
        await using (var recorded = new NpgsqlCommand(
            "select jsonb_array_elements_text(data -> 'Sequences')::bigint from events.mt_events where type = 'personal_data_erased'", connection))
        await using (var reader = await recorded.ExecuteReaderAsync(token))
            while (await reader.ReadAsync(token)) erasures.Add(reader.GetInt64(0));
        var walk = new ChainVerification(erasures);
        await using (var rows = new NpgsqlCommand(
            $"select coalesce(e.seq_id, c.seq_id), e.seq_id is not null, {EventColumns}, c.event_hash, c.link, x.erased_hash " +
            "from events.mt_events e full outer join audit.event_chain c on c.seq_id = e.seq_id left join audit.erasures x on x.seq_id = coalesce(e.seq_id, c.seq_id) " +
            "where coalesce(e.seq_id, c.seq_id) <= $1 order by 1", connection))
        {
            rows.Parameters.Add(new() { Value = head });
            await using var reader = await rows.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var sequence = reader.GetInt64(0);
                var e = reader.GetBoolean(1) ? Read(reader, 2) : null;
                var chain = reader.IsDBNull(14) ? null : new ChainRow(sequence, reader.GetString(14), reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetString(16));
                walk.Add(sequence, e, chain);
            }
        }
        return walk.Result(unchained);
    }

    internal static ChainedEvent Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetInt64(o), r.GetGuid(o + 1), r.GetInt64(o + 2), r.GetString(o + 3), r.GetString(o + 4),
        r.IsDBNull(o + 5) ? null : r.GetString(o + 5), r.IsDBNull(o + 6) ? null : r.GetString(o + 6),
        r.IsDBNull(o + 7) ? null : r.GetString(o + 7), r.GetFieldValue<DateTimeOffset>(o + 8),
        r.GetGuid(o + 9), r.GetBoolean(o + 10), r.IsDBNull(o + 11) ? null : r.GetString(o + 11));
}
