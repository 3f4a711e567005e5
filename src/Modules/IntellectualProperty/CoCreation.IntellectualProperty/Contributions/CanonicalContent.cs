using CoCreation.BuildingBlocks.Canonical;
using System.Security.Cryptography;
using System.Text;

namespace CoCreation.IntellectualProperty.Contributions;

/// <summary>
/// The canonical form of a contribution's content: the JSON object { description, tags, title } written
/// as RFC 8785 (JCS) writes it (keys in code-point order, no white space, minimal string escaping),
/// encoded in UTF-8. Its SHA-256, lower-case hex, is the content hash.
/// </summary>
public static class CanonicalContent
{
    public static string Json(string title, string description, IReadOnlyList<string> tags)
    {
        var sb = new StringBuilder();
        sb.Append("{\"description\":");
        AppendString(sb, description);
        sb.Append(",\"tags\":[");
        for (var i = 0; i < tags.Count; i++)
        {
            if (i > 0) sb.Append(',');
            AppendString(sb, tags[i]);
        }
        sb.Append("],\"title\":");
        AppendString(sb, title);
        sb.Append('}');
        return sb.ToString();
    }

    public static string Hash(string title, string description, IReadOnlyList<string> tags) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json(title, description, tags))));

    private static void AppendString(StringBuilder sb, string value) => CanonicalJson.String(sb, value);
}
