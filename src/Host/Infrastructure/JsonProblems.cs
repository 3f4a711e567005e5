using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoCreation.Host.Infrastructure;

/// <summary>
/// Turns the serializer's and the binder's refusals into sentences a client can act on: the field, and what it must be
/// (an enum's values, a number, an object), never a .NET type name.
/// </summary>
public static partial class JsonProblems
{
    /// <summary>The field the serializer stopped at and what is wrong with it, or null when the message says nothing of a field.</summary>
    public static (string Field, string Message)? Explain(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var at = field is "body" ? name : field.EndsWith("." + name, StringComparison.Ordinal) || field == name ? field : $"{field}.{name}";
            return (at, $"'{at}' is not a field of this request.");
        }
        if (NotConverted().Match(json.Message) is { Success: true } converted)
            return (field, $"'{field}' must be {Expected(converted.Groups[1].Value)}.");
        return null;
    }

    /// <summary>A query or route value that did not bind: the parameter and what it must be.</summary>
    public static (string Field, string Message)? ExplainBinding(string message)
    {
        if (BindFailure().Match(message) is { Success: true } failed)
            return (failed.Groups[2].Value, $"'{failed.Groups[2].Value}' must be {Expected(failed.Groups[1].Value)}; '{Cut(failed.Groups[3].Value)}' is not.");
        if (message.Contains("was not provided from body", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal))
            return ("body", "This operation needs a JSON object in the request body.");
        return null;
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Expected(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } n ? n.Groups[1].Value : typeName.Trim();
        name = name.TrimEnd('?');
        if (FindType(name) is { IsEnum: true } e) return "one of: " + string.Join(", ", Enum.GetNames(e));
        return name switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "int" or "long" or "short" => "a whole number",
            "System.Decimal" or "System.Double" or "System.Single" or "decimal" or "double" or "float" => "a number",
            "System.String" or "string" => "a string",
            "System.Boolean" or "bool" => "true or false",
            "System.Guid" or "Guid" => "a UUID",
            "System.DateTimeOffset" or "System.DateTime" or "DateTimeOffset" or "DateTime" => "an ISO 8601 timestamp",
            _ when name.Contains("List`1", StringComparison.Ordinal) || name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
            _ => "an object of this request's shape"
        };
    }

    private static Type? FindType(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            if (assembly.GetType(name, throwOnError: false) is { } type) return type;
        return null;
    }

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"could not be converted to ([^.\s][^ ]*?)\. Path")]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?([^,\]]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"Failed to bind parameter ""(.+) (\w+)"" from ""(.*)""")]
    private static partial Regex BindFailure();
}
