using CoCreation.BuildingBlocks.Canonical;
using CoCreation.Ideation.Contracts;
using System.Security.Cryptography;
using System.Text;

namespace CoCreation.IntellectualProperty.Contributions;

/// <summary>
/// The canonical form of a contribution's content: the JSON object { attachments, description, tags, title } written
/// as RFC 8785 (JCS) writes it (keys in code-point order, no white space, minimal string escaping),
/// encoded in UTF-8. Its SHA-256, lower-case hex, is the content hash. Each attachment is { contentType, sha256, size }
/// of the stored file, in the gallery's order, so the hash covers the design itself; a revision without files has no
/// "attachments" member at all, so every hash recorded before files existed still verifies.
/// </summary>
public static class CanonicalContent
{
    public static string Json(string title, string description, IReadOnlyList<string> tags, IReadOnlyList<IdeaAttachment>? attachments = null)
    {
        var sb = new StringBuilder();
        sb.Append('{');
        if (attachments is { Count: > 0 })
        {
            sb.Append("\"attachments\":[");
            for (var i = 0; i < attachments.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append("{\"contentType\":");
                AppendString(sb, attachments[i].ContentType);
                sb.Append(",\"sha256\":");
                AppendString(sb, attachments[i].Sha256);
                sb.Append(",\"size\":").Append(attachments[i].Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('}');
            }
            sb.Append("],");
        }
        sb.Append("\"description\":");
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

    public static string Hash(string title, string description, IReadOnlyList<string> tags, IReadOnlyList<IdeaAttachment>? attachments = null) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json(title, description, tags, attachments))));

    private static void AppendString(StringBuilder sb, string value) => CanonicalJson.String(sb, value);
}
