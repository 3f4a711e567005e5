using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoCreation.BuildingBlocks.Canonical;

/// <summary>
/// Canonical JSON after RFC 8785 (JCS): object members sorted by their names' UTF-16 code units, no white space,
/// minimal string escaping. One deliberate difference: numbers are kept as written rather than re-serialised
/// the ECMAScript way (our data holds integers and decimals written by one serializer), documented in ADR 0011.
/// </summary>
public static class CanonicalJson
{
    public static string Of(JsonElement element)
    {
        var sb = new StringBuilder();
        Write(sb, element);
        return sb.ToString();
    }

    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    private static void Write(StringBuilder sb, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    String(sb, property.Name);
                    sb.Append(':');
                    Write(sb, property.Value);
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0) sb.Append(',');
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            case JsonValueKind.String: String(sb, element.GetString()!); break;
            case JsonValueKind.Number: sb.Append(element.GetRawText()); break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            default: sb.Append("null"); break;
        }
    }

    /// <summary>A JSON string as JCS writes it: only quote, backslash and control characters escaped.</summary>
    public static void String(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
