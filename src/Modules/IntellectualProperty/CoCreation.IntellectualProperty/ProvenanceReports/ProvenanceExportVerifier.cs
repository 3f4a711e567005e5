using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoCreation.IntellectualProperty.ProvenanceReports;

public sealed record ExportCheck(bool Valid, int Events, string? ChainHead, IReadOnlyList<string> Failures);

/// <summary>Checks a provenance export offline: every event's hash, the chain, and the agreement texts against their hashes.</summary>
public static class ProvenanceExportVerifier
{
    public static ExportCheck Verify(string json)
    {
        try
        {
            return Check(json);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or ArgumentException)
        {
            // A field of the wrong type (a string where a number belongs, an array where an object does) is a broken export too.
            return new ExportCheck(false, 0, null, [$"Not a well-formed export: {ex.Message}"]);
        }
    }

    private static ExportCheck Check(string json)
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
        return new ExportCheck(failures.Count == 0, events.Count, link, failures);
    }
}
