using System.Text.Json.Nodes;
using CoCreation.Host.Audit;
using Marten;
using Npgsql;

namespace CoCreation.Host.Privacy;

public sealed record ErasureResult(string UserId, int EventsMasked, IReadOnlyList<long> Sequences);

/// <summary>
/// Erases what a member wrote (docs/adr/0014): the free-text fields of the events they authored are replaced with
/// "[erased]" in the log itself, each changed event's new hash is recorded next to the chain so verification still
/// holds (the chain keeps linking the original hashes), a <see cref="PersonalDataErased"/> event records the act,
/// and every read model is rebuilt from the masked log. Ids, content hashes and provenance stay as they were.
/// </summary>
public sealed class PersonalDataEraser(NpgsqlDataSource dataSource, IDocumentStore store, TimeProvider clock)
{
    public const string Erased = "[erased]";

    /// <summary>Event type, the field naming its author, the fields holding that author's words.</summary>
    private static readonly (string Type, string Author, string[] Fields)[] Rules =
    [
        ("idea_submitted", "SubmittedBy", ["Title", "Description", "Tags"]),
        ("idea_revised", "RevisedBy", ["Title", "Description", "Tags"]),
        ("comment_posted", "PostedBy", ["Text"]),
        ("moderation_item_appealed", "AppealedBy", ["Statement"]),
        ("dispute_opened", "ClaimedBy", ["Claim", "Evidence"]),
        ("subject_flagged", "FlaggedBy", ["Reason"]),
        ("subject_recorded", "Authors", ["Text"]),
        ("subject_revised", "Authors", ["Text"])
    ];

    public async Task<ErasureResult> Erase(string memberId, string by, CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var transaction = await connection.BeginTransactionAsync(token);
        var masked = new List<long>();
        foreach (var (type, author, fields) in Rules)
        {
            var rows = new List<ChainedEvent>();
            var authorMatch = author == "Authors" ? "data -> 'Authors' ->> 0 = $2" : $"data ->> '{author}' = $2";
            await using (var find = new NpgsqlCommand(
                $"select {AuditStore.EventColumns} from events.mt_events e where e.type = $1 and {authorMatch} for update", connection, transaction))
            {
                find.Parameters.Add(new() { Value = type });
                find.Parameters.Add(new() { Value = memberId });
                await using var reader = await find.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token)) rows.Add(AuditStore.Read(reader));
            }
            foreach (var e in rows)
            {
                var json = JsonNode.Parse(e.Data)!.AsObject();
                foreach (var field in fields.Where(json.ContainsKey))
                    json[field] = json[field] is JsonArray ? new JsonArray() : JsonValue.Create(Erased);
                var maskedData = json.ToJsonString();
                await using (var update = new NpgsqlCommand("update events.mt_events set data = $1::jsonb where seq_id = $2", connection, transaction))
                {
                    update.Parameters.Add(new() { Value = maskedData });
                    update.Parameters.Add(new() { Value = e.Sequence });
                    await update.ExecuteNonQueryAsync(token);
                }
                // The hash of the masked row as PostgreSQL will give it back (jsonb normalises the text; canonical JSON does the rest).
                var erasedHash = EventChain.HashOf(e with { Data = maskedData });
                await using (var record = new NpgsqlCommand(
                    "insert into audit.erasures (seq_id, erased_hash, member_id, erased_at) values ($1, $2, $3, $4) " +
                    "on conflict (seq_id) do update set erased_hash = excluded.erased_hash, erased_at = excluded.erased_at", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = e.Sequence });
                    record.Parameters.Add(new() { Value = erasedHash });
                    record.Parameters.Add(new() { Value = memberId });
                    record.Parameters.Add(new() { Value = clock.GetUtcNow() });
                    await record.ExecuteNonQueryAsync(token);
                }
                masked.Add(e.Sequence);
            }
        }
        await transaction.CommitAsync(token);

        await using (var session = store.LightweightSession())
        {
            var erasureId = Guid.CreateVersion7();
            session.LastModifiedBy = by;
            session.Events.StartStream(erasureId, new PersonalDataErased(erasureId, memberId, masked, by, clock.GetUtcNow()));
            await session.SaveChangesAsync(token);
        }

        // The read models held the words too: rebuild them all from the masked log.
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).Distinct())
            await daemon.RebuildProjectionAsync(name, token);
        return new ErasureResult(memberId, masked.Count, masked);
    }
}
