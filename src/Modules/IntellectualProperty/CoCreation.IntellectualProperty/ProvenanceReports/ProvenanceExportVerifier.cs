using System.Text.Json;
using CoCreation.BuildingBlocks.Audit;
using CoCreation.BuildingBlocks.Canonical;
using System.Text.Json.Nodes;

namespace CoCreation.IntellectualProperty.ProvenanceReports;

/// <summary>
/// What an offline check of an export found. Anchored: the events whose receipt verified against a signed checkpoint
/// of tree size AnchorTreeSize and whose content is the signed leaf's; Anchoring says in one sentence what was checked.
/// </summary>
public sealed record ExportCheck(bool Valid, int Events, string? ChainHead, IReadOnlyList<string> Failures)
{
    public int Anchored { get; init; }
    public long? AnchorTreeSize { get; init; }
    public string? Anchoring { get; init; }
}

/// <summary>
/// Checks a provenance export offline: every event's hash, the chain, and the agreement texts against their hashes;
/// with a receipt checker (the log's verifier key), also the anchoring: each event's receipt verifies against the
/// signed checkpoint and its leaf is the event the bundle shows (sequence, stream, version, type, canonical data).
/// </summary>
public static class ProvenanceExportVerifier
{
    public static ExportCheck Verify(string json, IReceiptChecker? receipts = null)
    {
        try
        {
            return Check(json, receipts);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or ArgumentException)
        {
            // A field of the wrong type (a string where a number belongs, an array where an object does) is a broken export too.
            return new ExportCheck(false, 0, null, [$"Not a well-formed export: {ex.Message}"]);
        }
    }

    private static ExportCheck Check(string json, IReceiptChecker? receipts)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the document is not a JSON object");
        }
        catch (JsonException ex)
        {
            return new ExportCheck(false, 0, null, [$"Not a readable export: {ex.Message}"]);
        }
        var failures = new List<string>();
        if (root["format"]?.GetValue<string>() != ProvenanceExport.Format)
            failures.Add($"Unknown format '{root["format"]}': expected '{ProvenanceExport.Format}'.");
        if (root["events"] is not JsonArray events)
            return new ExportCheck(false, 0, null, [.. failures, "No 'events' array."]);
        if (events.Count == 0 || !events.Any(e => e?["type"]?.ToString() == "contribution_recorded"))
            failures.Add("The bundle holds no contribution: a provenance export starts with the idea's first contribution.");

        var link = "";
        long previousSequence = long.MinValue;
        var agreements = (root["agreements"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(a => a["version"]?.ToString() ?? "", a => a);
        foreach (var (agreement, version) in agreements.Select(a => (a.Value, a.Key)))
        {
            var text = agreement["text"]?.ToString() ?? "";
            if (ProvenanceExport.Sha256(text) != agreement["textHash"]?.ToString())
                failures.Add($"Agreement '{version}': the text does not match its textHash.");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not JsonObject recorded) { failures.Add($"Event #{i + 1}: not an object."); continue; }
            var copy = (JsonObject)recorded.DeepClone();
            var claimed = copy["hash"]?.ToString();
            copy.Remove("hash");
            var sequence = copy["sequence"]?.GetValue<long>() ?? 0;
            var label = $"Event #{i + 1} (sequence {sequence}, {copy["type"]})";
            var computed = ProvenanceExport.HashOf(copy);
            if (claimed != computed) failures.Add($"{label}: hash mismatch: recorded {claimed}, computed {computed}.");
            if (sequence <= previousSequence) failures.Add($"{label}: out of order after sequence {previousSequence}.");
            previousSequence = sequence;
            link = ProvenanceExport.Link(link, claimed ?? "");

            // Agreement events must name the hash of a text in the bundle.
            if (copy["data"] is JsonObject data && data["textHash"] is { } textHash && data["version"] is { } agreementVersion
                && agreements.TryGetValue(agreementVersion.ToString(), out var agreement) && agreement["textHash"]?.ToString() != textHash.ToString())
                failures.Add($"{label}: agreement '{agreementVersion}' text hash {textHash} differs from the bundled text's {agreement["textHash"]}.");
        }
        var head = root["chain"]?["head"]?.ToString();
        if (head != link) failures.Add($"Chain head mismatch: recorded {head}, computed {link}.");
        var count = root["chain"]?["events"]?.GetValue<int>();
        if (count != events.Count) failures.Add($"Chain says {count} events, the bundle holds {events.Count}.");
        var (anchored, treeSize, anchoring) = CheckAnchoring(root["anchoring"], events, receipts, failures);
        return new ExportCheck(failures.Count == 0, events.Count, link, failures) { Anchored = anchored, AnchorTreeSize = treeSize, Anchoring = anchoring };
    }

    /// <summary>
    /// The bundle's own chain proves nothing against whoever wrote the bundle (they can recompute it); the receipts do:
    /// their checkpoint is signed by the log's key, and each leaf is its event's canonical bytes.
    /// </summary>
    private static (int Anchored, long? TreeSize, string Anchoring) CheckAnchoring(JsonNode? node, JsonArray events, IReceiptChecker? receipts,
        List<string> failures)
    {
        if (node is null)
            return (0, null, "not anchored: the bundle carries no receipts (exported before anchoring, or by a log that signs no checkpoints)");
        if (node is not JsonObject anchoring || anchoring["receipts"] is not JsonArray listed || anchoring["pending"] is not JsonArray pendingNodes)
        {
            failures.Add("'anchoring' is not { receipts: [...], pending: [...] }.");
            return (0, null, "anchoring unreadable");
        }
        var treeSize = anchoring["treeSize"]?.GetValue<long>();
        var pending = pendingNodes.Select(p => p!.GetValue<long>()).ToHashSet();
        var bySequence = events.OfType<JsonObject>().Where(e => e["sequence"] is not null)
            .GroupBy(e => e["sequence"]!.GetValue<long>()).ToDictionary(g => g.Key, g => g.First());
        var receipted = new HashSet<long>();
        foreach (var entry in listed)
        {
            var sequence = entry?["sequence"]?.GetValue<long>() ?? 0;
            if (!receipted.Add(sequence)) failures.Add($"Anchoring: sequence {sequence} has more than one receipt.");
            if (!bySequence.ContainsKey(sequence)) failures.Add($"Anchoring: a receipt for sequence {sequence}, which is not in the bundle.");
            if (pending.Contains(sequence)) failures.Add($"Anchoring: sequence {sequence} is both receipted and pending.");
        }
        foreach (var sequence in bySequence.Keys.Where(s => !receipted.Contains(s) && !pending.Contains(s)))
            failures.Add($"Anchoring: event sequence {sequence} has no receipt and is not listed as pending.");
        if (receipts is null)
            return (0, treeSize, $"not checked: {receipted.Count} of {events.Count} events carry a receipt; give the log's verifier key (--key) to check them");

        var anchored = 0;
        foreach (var entry in listed)
        {
            var sequence = entry?["sequence"]?.GetValue<long>() ?? 0;
            if (!bySequence.TryGetValue(sequence, out var exported)) continue;
            var label = $"Event sequence {sequence} ({exported["type"]})";
            if (entry?["receipt"] is not JsonObject receipt) { failures.Add($"{label}: its receipt is not an object."); continue; }
            var check = receipts.Check(receipt.ToJsonString());
            foreach (var failure in check.Failures) failures.Add($"{label}: receipt: {failure}.");
            if (treeSize is { } size && check.TreeSize is { } signed && signed != size)
                failures.Add($"{label}: its receipt is for the signed tree of {signed}, the anchoring says {size}.");
            var mismatch = check.Leaf is not { } leaf ? "its receipt's leaf is not an event's canonical bytes"
                : leaf.Sequence != sequence ? $"the signed leaf is event {leaf.Sequence}"
                : leaf.StreamId.ToString() != exported["streamId"]?.ToString() ? $"the signed leaf's stream is {leaf.StreamId}"
                : leaf.Version != exported["version"]?.GetValue<long>() ? $"the signed leaf's version is {leaf.Version}"
                : leaf.Type != exported["type"]?.ToString() ? $"the signed leaf's type is {leaf.Type}"
                : exported["data"] is not { } data || CanonicalJson.Of(data.ToJsonString()) != leaf.CanonicalData ? "its data is not the signed leaf's"
                : null;
            if (mismatch is not null) failures.Add($"{label}: the bundle's event differs from the signed log: {mismatch}.");
            else if (check.Valid) anchored++;
        }
        return (anchored, treeSize,
            $"{anchored} of {events.Count} events anchored in the signed checkpoint of tree size {treeSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}" +
            (pending.Count > 0 ? $"; {pending.Count} pending (not yet in a signed checkpoint, or erased since)" : ""));
    }
}
