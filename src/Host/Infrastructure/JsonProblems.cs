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
            return (field, $"'{field}' must be {Expected(LeafType(converted.Groups[1].Value, json.Path))}.");
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

    /// <summary>
    /// The serializer names the type it was reading when the value did not fit: the object holding the field (or the list
    /// holding the item). The field's own type is found from it and the path's last step.
    /// </summary>
    private static string LeafType(string named, string? path)
    {
        var type = FindType(Unwrap(named));
        if (type is null || type.IsEnum || type.IsPrimitive) return named;
        var last = LastStep().Match(path ?? "") is { Success: true } m ? m.Groups[1].Value : null;
        Type? leaf = null;
        if (last is null or "") return named;
        if (last.StartsWith('[')) leaf = ElementOf(type);
        else leaf = type.GetProperties().FirstOrDefault(p => p.Name.Equals(last, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        if (leaf is null) return named;
        leaf = Nullable.GetUnderlyingType(leaf) ?? leaf;
        return ElementOf(leaf) is not null && leaf != typeof(string) ? "System.Collections.Generic.List`1" : leaf.FullName ?? leaf.Name;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Unwrap(string typeName) => NullableOf().Match(typeName) is { Success: true } n ? n.Groups[1].Value : typeName.Trim();

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
        if (name.StartsWith("Nullable<", StringComparison.Ordinal) && name.EndsWith('>')) name = name[9..^1];
        if (FindType(name) is { IsEnum: true } e) return "one of: " + string.Join(", ", Enum.GetNames(e));
        return name switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
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

    [GeneratedRegex(@"could not be converted to (.+?)\. Path:")]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?([^,\]]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"(\[\d+\]|[^.\[\]]+)$")]
    private static partial Regex LastStep();

    [GeneratedRegex(@"Failed to bind parameter ""(.+) (\w+)"" from ""(.*)""")]
    private static partial Regex BindFailure();
}
