using System.Security.Cryptography;
using System.Text;

namespace CoCreation.Notifications.Webhooks;

/// <summary>
/// How a receiver checks a delivery: HMAC-SHA256, keyed by the endpoint's secret, of "{timestamp}.{body}", sent as
/// <c>CoCreation-Signature: t={timestamp},v1={hex}</c>. The timestamp inside the signed text lets the receiver refuse a
/// replayed request older than its tolerance.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "CoCreation-Signature";
    public const string IdHeader = "CoCreation-Delivery";
    public const string KindHeader = "CoCreation-Event";

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Fingerprint(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];

    public static string Sign(string secret, long timestamp, string body) =>
        $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")))}";

    /// <summary>What a receiver does: the signature matches the body and the timestamp is within the tolerance of now.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var timestamp) || !parts.ContainsKey("v1")) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(header.Trim()));
    }
}
