using System.Security.Cryptography;
using System.Text;
using CoCreation.BuildingBlocks.Canonical;

namespace CoCreation.Audit;

/// <summary>One row of the event log as the chain sees it.</summary>
public sealed record ChainedEvent(long Sequence, Guid StreamId, long Version, string Type, string Data, string? CorrelationId, string? CausationId,
    string? Headers, DateTimeOffset Timestamp, Guid EventId = default, bool Archived = false, string? TenantId = null);

/// <summary>
/// The tamper-evident chain over the whole event log (docs/adr/0013): each event's hash covers its sequence, stream,
/// version, type, canonical data and canonical metadata; each link = SHA-256(previous link ‖ event hash).
/// </summary>
public static class EventChain
{
    public static string HashOf(ChainedEvent e) => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(e)));

    /// <summary>
    /// The bytes the event's hash covers (UTF-8): sequence, event id, stream id, version, type, tenant, archived or
    /// live, canonical data and canonical metadata, one per line. Also the event's Merkle leaf (docs/adr/0024).
    /// </summary>
    public static byte[] CanonicalBytes(ChainedEvent e)
    {
        var metadata = new StringBuilder("{\"causationId\":");
        Json(metadata, e.CausationId);
        metadata.Append(",\"correlationId\":");
        Json(metadata, e.CorrelationId);
        metadata.Append(",\"headers\":").Append(e.Headers is null ? "null" : CanonicalJson.Of(e.Headers));
        metadata.Append(",\"timestamp\":");
        Json(metadata, e.Timestamp.ToUniversalTime().ToString("O"));
        metadata.Append('}');
        // Archiving hides an event from projections and rebuilds, so it is covered like any other column.
        return Encoding.UTF8.GetBytes($"{e.Sequence}\n{e.EventId:D}\n{e.StreamId:D}\n{e.Version}\n{e.Type}\n{e.TenantId}\n{(e.Archived ? "archived" : "live")}\n{CanonicalJson.Of(e.Data)}\n{metadata}");
    }

    public static string Link(string previous, string eventHash) => Sha256(previous + eventHash);

    private static void Json(StringBuilder sb, string? value)
    {
        if (value is null) sb.Append("null");
        else CanonicalJson.String(sb, value);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
