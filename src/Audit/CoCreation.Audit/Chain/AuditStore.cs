using System.Data;
using Marten;
using Npgsql;

namespace CoCreation.Audit;

/// <summary>
/// The chain's table (<c>audit.event_chain</c>, created by Marten from <see cref="AuditTables"/>) next to Marten's event
/// table, which it reads directly: the event log is the platform's shared infrastructure, not a module's data.
/// </summary>
public sealed class AuditStore(NpgsqlDataSource dataSource, IDocumentStore store, Transparency.MerkleStore tree) : CoCreation.BuildingBlocks.Audit.IEventLogIntegrity
{
    private string Events => EventsTable(store);

    /// <summary>Marten's event table, in the schema the store is configured with.</summary>
    internal static string EventsTable(IDocumentStore store) => $"{store.Options.Events.DatabaseSchemaName}.mt_events";

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
        var since = await SealingSince(connection, token);
        await using (var rows = new NpgsqlCommand(
            $"select {EventColumns}, c.event_hash, c.append_problem, x.erased_hash, {SealColumns} from {Events} e left join audit.event_chain c on c.seq_id = e.seq_id " +
            "left join audit.erasures x on x.seq_id = e.seq_id left join audit.event_seals s on s.seq_id = e.seq_id where e.seq_id = any($1) order by e.seq_id", connection))
        {
            rows.Parameters.Add(new() { Value = sequences.ToArray() });
            await using var reader = await rows.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                found++;
                var e = Read(reader);
                var chained = Text(reader, "event_hash");
                if (chained is null)
                {
                    // Not linked yet, but sealed by its append: a row changed in the meantime is found already.
                    unchained++;
                    if (broken is null && SealProblem(reader, e, since) is { } changed) (broken, problem) = (e.Sequence, changed);
                    continue;
                }
                var hash = EventChain.HashOf(e);
                if (broken is null && Text(reader, "append_problem") is { } atAppend) (broken, problem) = (e.Sequence, atAppend);
                if (broken is null && hash != chained && hash != Text(reader, "erased_hash"))
                    (broken, problem) = (e.Sequence, $"event {e.Sequence} ({e.Type}) differs from what the chain recorded");
            }
        }
        if (broken is null && found < sequences.Count) (broken, problem) = (sequences.Min(), $"{sequences.Count - found} of the events are missing from the log");
        return new(sequences.Count, unchained, head, broken is null, broken, problem);
    }

    /// <summary>A row's seal as its append recorded it and as its columns give it now (alias <c>s</c> for the seals, <c>x</c> for the erasures).</summary>
    private static readonly string SealColumns = $"s.seal, s.sealed_at, {AppendSeal.Of("e")} as resealed, x.seq_id is not null as erased";

    /// <summary>The first sealed sequence: events after it without a seal were not appended through Marten.</summary>
    private static async Task<long?> SealingSince(NpgsqlConnection connection, CancellationToken token)
    {
        await using var first = new NpgsqlCommand("select min(seq_id) from audit.event_seals", connection);
        return await first.ExecuteScalarAsync(token) is long since ? since : null;
    }

    private static string? SealProblem(NpgsqlDataReader r, ChainedEvent e, long? since) =>
        AppendSealCheck.Problem(e.Sequence, e.Type, Text(r, "seal"), r.GetFieldValue<string>("resealed"), r.GetFieldValue<bool>("erased"), since);

    /// <summary>The columns a <see cref="ChainedEvent"/> is read from, by the names <see cref="Read"/> reads (alias <c>e</c>).</summary>
    internal const string EventColumns =
        "e.seq_id, e.stream_id, e.version, e.type, e.data::text as data, e.correlation_id, e.causation_id, e.headers::text as headers, " +
        "e.timestamp, e.id, e.is_archived, e.tenant_id";

    /// <summary>
    /// Chains the given events (a page the async daemon released: below its high-water mark, gaps settled) after the
    /// chain's head, in the same transaction as the daemon's progress.
    /// </summary>
    public async Task Chain(IReadOnlyList<long> sequences, Marten.IDocumentOperations operations, CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        // Chain only what lies beyond the chain's head, from the head's link: a replayed page (a rebuild, a rewind)
        // adds nothing it already holds, and never links from the wrong place.
        var (head, link) = await HeadBefore(connection, sequences.Count == 0 ? 0 : sequences.Min(), token);
        sequences = sequences.Where(s => s > head).ToList();
        var events = new List<ChainedEvent>();
        var chained = new List<long>();
        var hashes = new List<string>();
        var links = new List<string>();
        var problems = new List<string?>();
        if (sequences.Count > 0)
        {
            var since = await SealingSince(connection, token);
            await using (var rows = new NpgsqlCommand(
                $"select {EventColumns}, {SealColumns} from {Events} e left join audit.event_seals s on s.seq_id = e.seq_id " +
                "left join audit.erasures x on x.seq_id = e.seq_id where e.seq_id = any($1) order by e.seq_id", connection))
            {
                rows.Parameters.Add(new() { Value = sequences.ToArray() });
                await using var reader = await rows.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    var e = Read(reader);
                    events.Add(e);
                    var hash = EventChain.HashOf(e);
                    link = EventChain.Link(link, hash);
                    chained.Add(e.Sequence);
                    hashes.Add(hash);
                    links.Add(link);
                    // A row changed since its append is still linked as it is now, with the change on record.
                    problems.Add(SealProblem(reader, e, since));
                }
            }
        }
        if (chained.Count > 0)
            operations.QueueSqlCommand(
                "insert into audit.event_chain (seq_id, event_hash, link, sealed_at, append_problem) " +
                "select u.seq, u.hash, u.link, s.sealed_at, u.problem from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) as u(seq, hash, link, problem) " +
                "left join audit.event_seals s on s.seq_id = u.seq on conflict do nothing",
                chained.ToArray(), hashes.ToArray(), links.ToArray(), problems.ToArray());
        // The Merkle tree grows in the same pass and transaction, from the same rows (docs/adr/0024).
        await tree.Grow(connection, head, events, operations, token);
    }

    /// <summary>
    /// The chain's head as this page must extend it. The head is read on a connection of its own, outside the
    /// transaction that will commit this page; events left unchained between the head and the page mean the previous
    /// page's transaction has not committed yet (seen in CI: linking from the older head broke the chain at the page's
    /// first event), so it waits for that commit, up to <see cref="PreviousPageWait"/>.
    /// </summary>
    private async Task<(long Head, string Link)> HeadBefore(NpgsqlConnection connection, long firstOfPage, CancellationToken token)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var (head, link) = (0L, "");
            await using (var last = new NpgsqlCommand("select seq_id, link from audit.event_chain order by seq_id desc limit 1", connection))
            await using (var reader = await last.ExecuteReaderAsync(token))
                if (await reader.ReadAsync(token)) (head, link) = (reader.GetInt64(0), reader.GetString(1));
            if (firstOfPage <= head + 1 || waited >= PreviousPageWait) return (head, link);
            await using (var between = new NpgsqlCommand($"select exists (select 1 from {Events} where seq_id > $1 and seq_id < $2)", connection))
            {
                between.Parameters.Add(new() { Value = head });
                between.Parameters.Add(new() { Value = firstOfPage });
                // Only gaps (rolled-back appends) lie between: nothing to wait for.
                if (await between.ExecuteScalarAsync(token) is not true) return (head, link);
            }
            await Task.Delay(PollEvery, token);
            waited += PollEvery;
        }
    }

    private static readonly TimeSpan PreviousPageWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);

    public async Task<VerifyResult> Verify(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        long head;
        await using (var max = new NpgsqlCommand("select coalesce(max(seq_id), 0) from audit.event_chain", connection))
            head = (long)(await max.ExecuteScalarAsync(token))!;
        long unchained;
        await using (var count = new NpgsqlCommand($"select count(*) from {Events} where seq_id > $1", connection))
        {
            count.Parameters.Add(new() { Value = head });
            unchained = (long)(await count.ExecuteScalarAsync(token))!;
        }
        // The sequences that erasure events (chained like any other) say they masked.
        var erasures = new HashSet<long>();
        await using (var recorded = new NpgsqlCommand(
            $"select jsonb_array_elements_text(data -> 'Sequences')::bigint from {Events} where type = 'personal_data_erased'", connection))
        await using (var reader = await recorded.ExecuteReaderAsync(token))
            while (await reader.ReadAsync(token)) erasures.Add(reader.GetInt64(0));
        var walk = new ChainVerification(erasures);
        await using (var rows = new NpgsqlCommand(
            $"select coalesce(e.seq_id, c.seq_id) as sequence, e.seq_id is not null as logged, {EventColumns}, c.event_hash, c.link, c.append_problem, x.erased_hash " +
            $"from {Events} e full outer join audit.event_chain c on c.seq_id = e.seq_id left join audit.erasures x on x.seq_id = coalesce(e.seq_id, c.seq_id) " +
            "where coalesce(e.seq_id, c.seq_id) <= $1 order by 1", connection))
        {
            rows.Parameters.Add(new() { Value = head });
            await using var reader = await rows.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var sequence = reader.GetInt64(reader.GetOrdinal("sequence"));
                var e = reader.GetBoolean(reader.GetOrdinal("logged")) ? Read(reader) : null;
                var chain = Text(reader, "event_hash") is { } hash
                    ? new ChainRow(sequence, hash, reader.GetString(reader.GetOrdinal("link")), Text(reader, "erased_hash"), Text(reader, "append_problem"))
                    : null;
                walk.Add(sequence, e, chain);
            }
        }
        // Beyond the head, events wait for the chain, but their append sealed them: a change there is found now.
        var since = await SealingSince(connection, token);
        await using (var tail = new NpgsqlCommand(
            $"select {EventColumns}, {SealColumns} from {Events} e left join audit.event_seals s on s.seq_id = e.seq_id " +
            "left join audit.erasures x on x.seq_id = e.seq_id where e.seq_id > $1 order by e.seq_id", connection))
        {
            tail.Parameters.Add(new() { Value = head });
            await using var reader = await tail.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var e = Read(reader);
                walk.AddUnchained(e.Sequence, SealProblem(reader, e, since));
            }
        }
        return walk.Result(unchained, await Lag(connection, token));
    }

    /// <summary>How long after their append the last <see cref="ChainLag.Window"/> sealed events were linked.</summary>
    private static async Task<ChainLag?> Lag(NpgsqlConnection connection, CancellationToken token)
    {
        await using var lag = new NpgsqlCommand(
            "select count(*), percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms) from (" +
            "select extract(epoch from c.chained_at - c.sealed_at) * 1000 as ms from audit.event_chain c where c.sealed_at is not null " +
            $"order by c.seq_id desc limit {ChainLag.Window}) recent", connection);
        await using var reader = await lag.ExecuteReaderAsync(token);
        if (!await reader.ReadAsync(token) || reader.GetInt64(0) == 0) return null;
        return new ChainLag((int)reader.GetInt64(0), Math.Round(reader.GetDouble(1), 1), Math.Round(reader.GetDouble(2), 1), Math.Round(Convert.ToDouble(reader.GetValue(3)), 1));
    }

    /// <summary>A row selected with <see cref="EventColumns"/>, read by column name.</summary>
    internal static ChainedEvent Read(NpgsqlDataReader r) => new(
        r.GetFieldValue<long>("seq_id"), r.GetFieldValue<Guid>("stream_id"), r.GetFieldValue<long>("version"), r.GetFieldValue<string>("type"),
        r.GetFieldValue<string>("data"), Text(r, "correlation_id"), Text(r, "causation_id"),
        Text(r, "headers"), r.GetFieldValue<DateTimeOffset>("timestamp"), r.GetFieldValue<Guid>("id"),
        r.GetFieldValue<bool>("is_archived"), Text(r, "tenant_id"));

    private static string? Text(NpgsqlDataReader r, string column) => r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetString(i);
}
