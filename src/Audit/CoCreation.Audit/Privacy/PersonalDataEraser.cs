using CoCreation.BuildingBlocks.Privacy;
using Marten;
using Npgsql;

namespace CoCreation.Audit.Privacy;

public sealed record ErasureResult(string UserId, int EventsMasked, IReadOnlyList<long> Sequences);

/// <summary>
/// Erases what a member wrote (docs/adr/0014): the events every module declares as holding a member's words
/// (<see cref="IPersonalData"/>) are masked in the log itself by that module's own rule, each changed event's new hash is
/// recorded next to the chain so verification still holds (the chain keeps linking the original hashes), a
/// <see cref="PersonalDataErased"/> event records the act, and the read models of the touched streams are folded again
/// from the masked log, all in one transaction. Erasures run one at a time (an advisory lock) and a second call erases
/// nothing more. Ids, content hashes and provenance stay.
/// </summary>
public sealed class PersonalDataEraser(NpgsqlDataSource dataSource, IDocumentStore store, IEnumerable<IPersonalData> modules, TimeProvider clock,
    Wolverine.IMessageBus bus)
{
    /// <summary>Every module's rules, with the name its event type is stored under.</summary>
    private IEnumerable<(string Type, PersonalDataRule Rule)> Rules()
    {
        var known = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
        foreach (var rule in modules.SelectMany(m => m.Rules))
            yield return (known.TryGetValue(rule.EventType, out var name)
                ? name
                : throw new InvalidOperationException($"{rule.EventType.Name} declares personal data but is not a registered event type."), rule);
    }

    /// <summary>Every erasure takes this advisory lock for its transaction, so concurrent calls run one after the other.</summary>
    private const long ErasureLock = 0x436f4372_45726173; // "CoCrEras"

    /// <summary>Masks the member's words in the log, then tells the modules, which remove the member's files (durable messages).</summary>
    public async Task<ErasureResult> Erase(string memberId, string by, CancellationToken token)
    {
        var result = await MaskLog(memberId, by, token);
        await bus.PublishAsync(new PersonalDataErasedIntegrationEvent(memberId, by, clock.GetUtcNow()));
        return result;
    }

    private async Task<ErasureResult> MaskLog(string memberId, string by, CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var transaction = await connection.BeginTransactionAsync(token);
        await using (var serialize = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection, transaction))
        {
            serialize.Parameters.Add(new() { Value = ErasureLock });
            await serialize.ExecuteNonQueryAsync(token);
        }
        var masked = new List<(long Sequence, Guid StreamId)>();
        var serializer = store.Options.Serializer();
        foreach (var (type, rule) in Rules())
        {
            var rows = new List<ChainedEvent>();
            // The member's id somewhere in the event narrows the rows; the module's rule then says whether they wrote it.
            // A row an earlier erasure masked is not masked again: calling twice erases nothing more and records nothing more.
            await using (var find = new NpgsqlCommand(
                $"select {AuditStore.EventColumns} from {AuditStore.EventsTable(store)} e where e.type = $1 and strpos(e.data::text, $2) > 0 " +
                "and not exists (select 1 from audit.erasures x where x.seq_id = e.seq_id) for update", connection, transaction))
            {
                find.Parameters.Add(new() { Value = type });
                find.Parameters.Add(new() { Value = memberId });
                await using var reader = await find.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token)) rows.Add(AuditStore.Read(reader));
            }
            foreach (var e in rows)
            {
                var written = serializer.FromJson(rule.EventType, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data)));
                if (!rule.WrittenBy(written, memberId)) continue;
                var maskedData = serializer.ToJson(rule.Mask(written));
                await using (var update = new NpgsqlCommand($"update {AuditStore.EventsTable(store)} set data = $1::jsonb where seq_id = $2", connection, transaction))
                {
                    update.Parameters.Add(new() { Value = maskedData });
                    update.Parameters.Add(new() { Value = e.Sequence });
                    await update.ExecuteNonQueryAsync(token);
                }
                // The hash of the masked row as PostgreSQL will give it back (jsonb normalises the text; canonical JSON does the rest).
                var erasedHash = EventChain.HashOf(e with { Data = maskedData });
                await using (var record = new NpgsqlCommand(
                    "insert into audit.erasures (seq_id, erased_hash, member_id, erased_at) values ($1, $2, $3, $4)", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = e.Sequence });
                    record.Parameters.Add(new() { Value = erasedHash });
                    record.Parameters.Add(new() { Value = memberId });
                    record.Parameters.Add(new() { Value = clock.GetUtcNow() });
                    await record.ExecuteNonQueryAsync(token);
                }
                masked.Add((e.Sequence, e.StreamId));
            }
        }
        if (masked.Count == 0)
        {
            await transaction.CommitAsync(token);
            return new ErasureResult(memberId, 0, []);
        }

        // The act, and the read models of the streams whose words were masked, commit with the masking or not at all:
        // a crash in between can no longer leave masked rows that no erasure event accounts for.
        await using (var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction)))
        {
            var erasureId = Guid.CreateVersion7();
            session.LastModifiedBy = by;
            session.Events.StartStream(erasureId, new PersonalDataErased(erasureId, memberId, masked.Select(m => m.Sequence).ToList(), by, clock.GetUtcNow()));
            foreach (var streamId in masked.Select(m => m.StreamId).Distinct())
            foreach (var documentType in StreamDocumentTypes())
                await (Task)ReprojectMethod.MakeGenericMethod(documentType).Invoke(null, [session, streamId, token])!;
            await session.SaveChangesAsync(token);
        }
        await transaction.CommitAsync(token);
        return new ErasureResult(memberId, masked.Count, masked.Select(m => m.Sequence).ToList());
    }

    private static readonly System.Reflection.MethodInfo ReprojectMethod =
        typeof(PersonalDataEraser).GetMethod(nameof(Reproject), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>Folds a stream's read model again from its (now masked) events, if the stream has one of this type.</summary>
    private static async Task Reproject<T>(IDocumentSession session, Guid streamId, CancellationToken token) where T : class
    {
        if (await session.LoadAsync<T>(streamId, token) is null) return;
        if (await session.Events.AggregateStreamAsync<T>(streamId, token: token) is { } rebuilt) session.Store(rebuilt);
    }

    /// <summary>The documents kept per stream (single-stream projections and snapshots with Guid ids): those an erased event's words can sit in.</summary>
    private IEnumerable<Type> StreamDocumentTypes() =>
        ((StoreOptions)store.Options).Projections.All.Select(p => SingleStreamDocumentOf(p.GetType())).OfType<Type>().Distinct();

    private static Type? SingleStreamDocumentOf(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition().Name.StartsWith("SingleStreamProjection", StringComparison.Ordinal)
                && type.GetGenericArguments() is [var document, var id] && id == typeof(Guid))
                return document;
        return null;
    }
}
