using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CoCreation.BuildingBlocks.Audit;
using CoCreation.BuildingBlocks.Canonical;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes;
using Marten;

namespace CoCreation.IntellectualProperty.ProvenanceReports;

/// <summary>
/// A self-contained bundle of an idea's provenance: every IntellectualProperty event about it (contributions,
/// authors, ownership, licence, disputes) and the agreement events of its contributors, each with its metadata and
/// its hash, chained in global order; plus the agreement texts, so that the hashes can be checked offline
/// (docs/adr/0011). The format is checked by <see cref="ProvenanceExportVerifier"/> and the host's
/// <c>audit verify-export FILE</c>.
/// </summary>
public static class ProvenanceExport
{
    public const string Format = "cocreation-provenance-export/1";

    public static async Task<JsonObject> Build(IQuerySession session, Provenance provenance, DateTimeOffset now, CancellationToken token)
    {
        var disputes = await session.Query<Dispute>().Where(d => d.IdeaId == provenance.IdeaId).Select(d => d.Id).ToListAsync(token);
        var streams = new[] { provenance.Id, AgreementRegistry.StreamId }.Concat(disputes)
            .Concat(provenance.Contributors.Select(MemberAgreements.StreamIdFor)).Distinct().ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams))
            .OrderBy(e => e.Sequence).ToListAsync(token);
        var serializer = session.DocumentStore.Options.Serializer();

        var exported = new JsonArray();
        var link = "";
        foreach (var e in events)
        {
            var node = new JsonObject
            {
                ["sequence"] = e.Sequence,
                ["streamId"] = e.StreamId.ToString(),
                ["version"] = e.Version,
                ["type"] = e.EventTypeName,
                ["timestamp"] = e.Timestamp.ToUniversalTime().ToString("O"),
                ["data"] = JsonNode.Parse(serializer.ToJson(e.Data)),
                ["metadata"] = new JsonObject
                {
                    ["correlationId"] = e.CorrelationId,
                    ["causationId"] = e.CausationId,
                    ["headers"] = e.Headers is null ? null : JsonNode.Parse(serializer.ToJson(e.Headers))
                }
            };
            var hash = HashOf(node);
            link = Link(link, hash);
            node["hash"] = hash;
            exported.Add(node);
        }
        var registry = await session.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token);
        return new JsonObject
        {
            ["format"] = Format,
            ["ideaId"] = provenance.IdeaId.ToString(),
            ["exportedAt"] = now.ToUniversalTime().ToString("O"),
            ["hashing"] = "hash = SHA-256 of the event's canonical JSON (RFC 8785 member order, numbers as written) without 'hash'; " +
                          "link(i) = SHA-256 of UTF-8 (link(i-1) + hash(i)) in hex, link(0) = ''; chain.head = the last link",
            ["events"] = exported,
            ["agreements"] = new JsonArray((registry?.Versions ?? []).Select(v => (JsonNode)new JsonObject
            {
                ["version"] = v.Version, ["text"] = v.Text, ["textHash"] = v.TextHash
            }).ToArray()),
            // "head" is this bundle's own chain over the idea's events (what the offline verifier recomputes); the platform-wide
            // chain's head is the provenance report's integrity.platformChainHead.
            ["chain"] = new JsonObject { ["events"] = exported.Count, ["head"] = link, ["ideaChainHead"] = link, ["scope"] = "idea: a chain over this bundle's events only" }
        };
    }

    public const string AnchoringScheme =
        "each event's receipt (cocreation-receipt/1, docs/adr/0024, as GET /api/receipts/{id} serves it) against the latest signed " +
        "checkpoint: its leaf (the event's canonical bytes: sequence, id, stream, version, type, tenant, archived, canonical data, metadata), " +
        "the leaf's hash, the inclusion path to the signed root and the signed note; 'pending' are events no signed checkpoint covers yet " +
        "(or erased since). Checked offline with the log's verifier key: audit verify-export FILE --key KEY";

    /// <summary>
    /// Anchors the bundle's events in the log's latest signed checkpoint (docs/adr/0024): each event's receipt, checked
    /// offline with only the log's verifier key, proves its content is the signed log's. The receipts come from the
    /// platform's audit (<see cref="IEventReceipts"/>); without it (the log signs no checkpoint) the bundle is left as is.
    /// </summary>
    public static async Task Anchor(JsonObject bundle, IEventReceipts? receipts, CancellationToken token)
    {
        if (receipts is null) return;
        var sequences = bundle["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        var anchored = await receipts.For(sequences, token);
        bundle["anchoring"] = new JsonObject
        {
            ["scheme"] = AnchoringScheme,
            ["treeSize"] = anchored.TreeSize,
            ["checkpoint"] = anchored.Checkpoint,
            ["verifierKey"] = anchored.VerifierKey,
            ["receipts"] = new JsonArray(anchored.Receipts.OrderBy(r => r.Key)
                .Select(r => (JsonNode)new JsonObject { ["sequence"] = r.Key, ["receipt"] = JsonNode.Parse(r.Value) }).ToArray()),
            ["pending"] = new JsonArray(anchored.Pending.Select(p => (JsonNode)JsonValue.Create(p)).ToArray())
        };
    }

    public static string HashOf(JsonObject eventWithoutHash) => Sha256(CanonicalJson.Of(eventWithoutHash.ToJsonString()));

    public static string Link(string previous, string hash) => Sha256(previous + hash);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
