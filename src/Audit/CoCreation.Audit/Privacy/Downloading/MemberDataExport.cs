using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCreation.BuildingBlocks.Metadata;
using Marten;
using Npgsql;

namespace CoCreation.Audit.Privacy.Downloading;

/// <summary>One event of the member's data: where it sits in the log, which module recorded it, and what it says.</summary>
public sealed record MemberDataEvent(long Seq, string Module, string Type, string? RecordedAt, JsonNode? Data);

/// <summary>
/// Everything the log holds about one member, as a ZIP of JSON files (GDPR Art. 15 and 20, docs/adr/0028): every event
/// the member caused (its actor) or that names them anywhere in its data (their ideas, revisions, comments, votes, flags,
/// appeals, agreements, ownership shares, points and payments), as stored, so an erasure's masking shows. One file per
/// module, grouped by event type, and <c>events.json</c> with all of them in the log's order. Read from the log itself,
/// like erasure (docs/adr/0014): a new module's events are in it without any change here.
/// </summary>
public sealed class MemberDataExport(NpgsqlDataSource dataSource, IDocumentStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<MemberDataEvent>> Events(string memberId, CancellationToken token)
    {
        var events = new List<MemberDataEvent>();
        await using var command = dataSource.CreateCommand(
            $"select seq_id, type, headers ->> '{EventHeaders.Module}', headers ->> '{EventHeaders.RecordedAt}', data::text from {AuditStore.EventsTable(store)} " +
            $"where headers ->> '{EventHeaders.Actor}' = $1 or (strpos(data::text, $1) > 0 and jsonb_path_exists(data, '$.** ? (@ == $id)', jsonb_build_object('id', $1::text))) " +
            "order by seq_id");
        command.Parameters.Add(new() { Value = memberId });
        command.CommandTimeout = 300;
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            events.Add(new MemberDataEvent(reader.GetInt64(0), reader.IsDBNull(2) ? "Platform" : reader.GetString(2), reader.GetString(1),
                reader.IsDBNull(3) ? null : reader.GetString(3), JsonNode.Parse(reader.GetString(4))));
        return events;
    }

    public async Task<byte[]> Zip(string memberId, CancellationToken token)
    {
        var events = await Events(memberId, token);
        var options = new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "README.txt", Encoding.UTF8.GetBytes(Readme(memberId, events.Count)));
            Write(zip, "events.json", JsonSerializer.SerializeToUtf8Bytes(events, options));
            foreach (var module in events.GroupBy(e => e.Module).OrderBy(g => g.Key, StringComparer.Ordinal))
                Write(zip, $"{module.Key.ToLowerInvariant()}.json", JsonSerializer.SerializeToUtf8Bytes(
                    module.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.ToList()), options));
        }
        return buffer.ToArray();
    }

    private string Readme(string memberId, int count) => $"""
        CoCreation: the data the platform holds about member '{memberId}', taken {clock.GetUtcNow():O}.

        events.json      the {count} recorded events you caused or that name you, in the order of the log
                         (seq: the event's place in the signed log; GET /api/receipts/ID proves a vote or contribution is in it)
        <module>.json    the same events, one file per module, grouped by event type

        Every change on the platform is an event; what you see here is the record itself. Text you asked to have
        erased reads "[erased]". Each file is JSON (RFC 8259) in UTF-8.
        """;

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
