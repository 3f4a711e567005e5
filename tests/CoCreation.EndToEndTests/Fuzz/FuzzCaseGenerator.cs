using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoCreation.EndToEndTests.Fuzz;

/// <summary>One request to send: what was broken (Kind) and where (Target), the path with its query, and the body as bytes.</summary>
public sealed record FuzzCase(string Kind, string Target, string Path, string? ContentType, byte[]? Body, string? Method = null)
{
    public override string ToString() => $"{Kind} @ {Target}";
}

/// <summary>
/// Deterministic bad (and valid-looking) requests for an operation, derived from its OpenAPI description: broken bodies as a
/// whole, every field of the body broken in turn, every path and query parameter broken in turn. The seed fixes every choice.
/// The first case is a probe that changes nothing (a body of the wrong kind, or an unknown id): its answer tells whether the
/// caller gets past authorization. Those that may succeed come last, so the broken ones meet the state the setup made.
/// </summary>
public sealed partial class FuzzCaseGenerator(FuzzWorld world, int seed)
{
    public const int OversizedString = 100_000;
    public const int ArrayLength = 10_000;
    public const int NestingDepth = 200;
    public const int HugePathValue = 20_000;
    private const string Json = "application/json";
    private const string Raw = "__fuzz_raw__";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly Random random = new(seed);
    private int serial;

    public IReadOnlyList<FuzzCase> For(ApiOperation operation, bool withUnsupportedMethod)
    {
        var cases = new List<FuzzCase>();
        JsonNode Fresh() => ValidNode(operation.Body!, "", "")!;
        string FreshText() => operation.Body is null ? "" : Fresh().ToJsonString();
        var path = PathWith(operation, null, null);
        cases.Add(operation.Body is null ? new("valid", "request", path, null, null) : Body("valid", "body", path, FreshText()));

        foreach (var parameter in operation.InPath)
            foreach (var (kind, value) in PathValues(operation, parameter))
                cases.Add(new(kind, $"path.{parameter.Name}", PathWith(operation, parameter.Name, value), operation.Body is null ? null : Json,
                    operation.Body is null ? null : Encoding.UTF8.GetBytes(FreshText())));

        var query = operation.InQuery.ToList();
        if (query.Count > 0)
        {
            cases.Add(new("valid-query", "query", path + "?" + string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(world.QueryValue(q.Name, q.Schema))}")), null, null));
            foreach (var parameter in query)
                foreach (var (kind, value) in QueryValues(parameter))
                    cases.Add(new(kind, $"query.{parameter.Name}", $"{path}?{value}", null, null));
        }

        if (operation.Body is not null)
        {
            cases.AddRange(WholeBodies(path, FreshText));
            foreach (var (location, schema, name, parent) in Locations(operation.Body, [], "", ""))
                cases.AddRange(FieldCases(path, Fresh, location, schema, name, parent));
        }
        else if (operation.Method is "POST" or "PUT")
        {
            cases.Add(Body("unexpected-json-body", "body", path, "{\"fuzz\":[1,2,3]}"));
            cases.Add(Body("malformed-json", "body", path, "{\"fuzz\":"));
            cases.Add(Body("empty-body", "body", path, ""));
            cases.Add(new("wrong-content-type", "body", path, "text/plain", Encoding.UTF8.GetBytes("fuzz")));
        }

        if (withUnsupportedMethod) cases.Add(new("unsupported-method", "method", path, null, null, "PATCH"));
        var probe = cases.FirstOrDefault(c => c.Kind == "json-number") ?? cases.FirstOrDefault(c => c.Kind == "unknown-id") ?? cases[0];
        return [probe, .. cases.Where(c => c != probe && Harmless(operation, c)).OrderBy(Rank)];
    }

    /// <summary>Inputs an operation may well accept (a valid id in braces, an optional field left out) go after those it should refuse.</summary>
    private static readonly string[] MaySucceed =
    [
        "guid-in-braces", "missing-field", "null", "control-chars", "unicode", "unknown-field", "empty-object", "empty-array", "empty-string",
        "lowercase-enum", "negative-number", "zero", "fraction", "huge-number"
    ];

    private static int Rank(FuzzCase c) => Array.IndexOf(Last, c.Kind) is >= 0 and var last ? 2 + last : MaySucceed.Contains(c.Kind) ? 1 : 0;

    /// <summary>Requests that may succeed and change the state the other requests probe: sent after them.</summary>
    private static readonly string[] Last = ["unknown-fields", "duplicate-keys", "utf8-bom", "valid"];

    /// <summary>
    /// Requests that would change what other tests in the same host rely on are left out: moving the application clock,
    /// and publishing a new contribution agreement (authors in other tests accepted the current one). The body is read as
    /// leniently as the host might (a byte-order mark, any letter case, numbers in strings, a repeated key).
    /// </summary>
    private bool Harmless(ApiOperation operation, FuzzCase fuzzCase)
    {
        if (operation.Method != "POST" || fuzzCase.Body is null || fuzzCase.Method is not null) return true;
        var fields = TopLevelFields(fuzzCase.Body);
        if (operation.Template == "/api/dev/clock/advance")
            return !fields.Any(f => f.Key is "days" or "hours" && MovesTheClock(f.Value));
        if (operation.Template == "/api/ip/agreements")
            return !fields.Any(f => f.Key == "version" && TextOf(f.Value) is { } version
                && version != world.AgreementVersion && VersionPattern().IsMatch(version));
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex VersionPattern();

    /// <summary>The string's text, or null when it is not a string or not valid UTF-16 (a lone surrogate).</summary>
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static List<KeyValuePair<string, JsonElement>> TopLevelFields(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.AsSpan().StartsWith(Bom) ? body[Bom.Length..] : body);
            return document.RootElement.ValueKind != JsonValueKind.Object ? []
                : document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name.ToLowerInvariant(), p.Value.Clone())).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A value the clock would accept for days or hours (a positive amount up to ten years).</summary>
    private static bool MovesTheClock(JsonElement value)
    {
        var d = double.NaN;
        var read = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out d),
            JsonValueKind.String => double.TryParse(TextOf(value), NumberStyles.Float, CultureInfo.InvariantCulture, out d),
            _ => false
        };
        return read && d > 0 && d <= 3650 * 24;
    }

    private string PathWith(ApiOperation operation, string? broken, string? raw)
    {
        var path = operation.Template;
        foreach (var parameter in operation.InPath)
            path = path.Replace("{" + parameter.Name + "}",
                parameter.Name == broken ? raw : Uri.EscapeDataString(world.PathValue(operation, parameter.Name)));
        return path;
    }

    private Guid UnknownId()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Filler(int length)
    {
        const string words = "fuzz harbour crane ship ";
        var text = new StringBuilder(length + words.Length);
        while (text.Length < length) text.Append(words);
        return text.ToString(0, length);
    }

    private IEnumerable<(string Kind, string Value)> PathValues(ApiOperation operation, ApiParameter parameter)
    {
        var valid = Uri.EscapeDataString(world.PathValue(operation, parameter.Name));
        var isId = parameter.Schema.Format == "uuid";
        if (isId)
        {
            yield return ("unknown-id", UnknownId().ToString());
            yield return ("not-a-guid", "not-a-guid");
            yield return ("number", "12345");
            yield return ("negative-number", "-1");
        }
        yield return ("huge-path-value", new string('a', HugePathValue));
        yield return ("long-path-value", new string('b', 2_000));
        yield return ("nul", "%00");
        yield return ("nul-inside", valid + "%00");
        yield return ("control-chars", "fuzz%01%07%1B%7F");
        yield return ("invalid-utf8", "%FF%FE%C3");
        yield return ("unicode", "%E2%80%AE%F0%9F%92%A9fuzz");
        yield return ("encoded-slashes", "..%2F..%2Fapi");
        yield return ("space", "%20");
        if (isId) yield return ("guid-in-braces", "%7B" + valid + "%7D");
    }

    private IEnumerable<(string Kind, string Query)> QueryValues(ApiParameter parameter)
    {
        var name = parameter.Name;
        var valid = world.QueryValue(name, parameter.Schema);
        string Q(string encoded) => $"{name}={encoded}";
        switch (parameter.Schema.Kind)
        {
            case SchemaKind.Integer:
                yield return ("wrong-type-string", Q("abc"));
                yield return ("fraction", Q("1.5"));
                yield return ("overflow", Q("99999999999999999999"));
                yield return ("negative-number", Q("-1"));
                yield return ("zero", Q("0"));
                break;
            case SchemaKind.Number:
                yield return ("wrong-type-string", Q("abc"));
                yield return ("overflow", Q("1e999"));
                break;
            case SchemaKind.Enum:
                yield return ("unknown-enum", Q("NoSuchValue"));
                yield return ("lowercase-enum", Q(valid.ToLowerInvariant()));
                yield return ("wrong-type-number", Q("7"));
                break;
            default:
                if (parameter.Schema.Format == "uuid") yield return ("not-a-guid", Q("not-a-guid"));
                else
                {
                    yield return ("nonsense", Q("fuzz"));
                    yield return ("far-future", Q(Uri.EscapeDataString("9999-12-31T23:59:59Z")));
                    yield return ("invalid-date", Q(Uri.EscapeDataString("2025-13-45T99:99:99Z")));
                }
                break;
        }
        yield return ("empty", Q(""));
        yield return ("nul", Q("%00"));
        yield return ("nul-inside", Q(Uri.EscapeDataString(valid) + "%00"));
        yield return ("control-chars", Q("%01%07%1B%7F"));
        yield return ("invalid-utf8", Q("%FF%FE"));
        yield return ("huge-query-value", Q(new string('9', HugePathValue)));
        yield return ("long-query-value", Q(new string('9', 5_000)));
        yield return ("repeated", $"{Q(Uri.EscapeDataString(valid))}&{Q("other")}");
    }

    private static FuzzCase Body(string kind, string target, string path, string text, string contentType = Json) =>
        new(kind, target, path, contentType, Encoding.UTF8.GetBytes(text));

    private static string Deep(int depth, string open, string close, string inner) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>The body broken as a whole. Those built on a valid body take a fresh one each, with new member ids.</summary>
    private IEnumerable<FuzzCase> WholeBodies(string path, Func<string> fresh)
    {
        string Inner() => fresh() is { Length: > 2 } text ? text[1..^1] : "";
        var valid = fresh();
        var inner = Inner();
        yield return Body("unknown-fields", "body", path,
            "{" + inner + (inner.Length > 0 ? "," : "") + "\"fuzzUnknown\":\"x\",\"$type\":\"System.Object\",\"__proto__\":{\"admin\":true}}");
        if (inner.Length > 0)
            yield return Body("duplicate-keys", "body", path, "{" + Inner() + "," + inner + "}");
        yield return Body("malformed-truncated", "body", path, valid[..Math.Max(1, valid.Length - 3)]);
        yield return Body("malformed-trailing-comma", "body", path, "{" + inner + (inner.Length > 0 ? "," : "") + "}");
        yield return Body("malformed-single-quotes", "body", path, "{'fuzz': 'value'}");
        yield return Body("malformed-garbage", "body", path, "fuzz, not json at all");
        yield return Body("malformed-raw-nul", "body", path, "{\"fuzz\":\"a\0b\"}");
        yield return new("invalid-utf8", "body", path, Json, [.. "{\"fuzz\":\""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]);
        yield return new("utf8-bom", "body", path, Json, [.. Bom, .. Encoding.UTF8.GetBytes(fresh())]);
        yield return Body("empty-body", "body", path, "");
        yield return new("no-body", "body", path, null, null);
        yield return Body("json-null", "body", path, "null");
        yield return Body("json-array", "body", path, "[]");
        yield return Body("json-string", "body", path, "\"fuzz\"");
        yield return Body("json-number", "body", path, "42");
        yield return Body("json-true", "body", path, "true");
        yield return Body("deep-nesting", "body", path, Deep(NestingDepth, "{\"a\":", "}", "1"));
        yield return Body("deep-array-nesting", "body", path, Deep(NestingDepth, "[", "]", ""));
        yield return Body("wrong-content-type", "body", path, valid, "text/plain");
        yield return Body("wrong-content-type-xml", "body", path, "<fuzz><title>x</title></fuzz>", "application/xml");
        yield return Body("wrong-content-type-form", "body", path, "title=fuzz&brief=fuzz", "application/x-www-form-urlencoded");
        yield return Body("unknown-charset", "body", path, valid, "application/json; charset=fuzz-8");
    }

    private JsonNode? ValidNode(ApiSchema schema, string name, string parent) => schema.Kind switch
    {
        SchemaKind.String => JsonValue.Create(world.StringFor(name, parent, ++serial)),
        SchemaKind.Integer => world.NumberFor(name) is { } n ? JsonValue.Create((long)n) : null,
        SchemaKind.Number => world.NumberFor(name) is { } n ? JsonValue.Create(n) : null,
        SchemaKind.Boolean => JsonValue.Create(true),
        SchemaKind.Enum => JsonValue.Create(world.EnumFor(name, schema.Values!)),
        SchemaKind.Array => new JsonArray(ValidNode(schema.Items!, name, name)),
        SchemaKind.Object => new JsonObject(schema.Properties!.Select(p => KeyValuePair.Create(p.Name, ValidNode(p.Schema, p.Name, name)))),
        _ => new JsonObject()
    };

    private static IEnumerable<(IReadOnlyList<object> Location, ApiSchema Schema, string Name, string Parent)> Locations(
        ApiSchema schema, IReadOnlyList<object> location, string name, string parent)
    {
        if (location.Count > 0) yield return (location, schema, name, parent);
        if (schema.Kind == SchemaKind.Object)
            foreach (var (property, child) in schema.Properties!)
                foreach (var nested in Locations(child, [.. location, property], property, name))
                    yield return nested;
        if (schema.Kind == SchemaKind.Array)
            foreach (var nested in Locations(schema.Items!, [.. location, 0], name, name))
                yield return nested;
    }

    private static string Describe(IReadOnlyList<object> location) =>
        "body" + string.Concat(location.Select(s => s is int i ? $"[{i}]" : "." + s));

    /// <summary>The valid body with the node at the location replaced by raw JSON text (or removed, when raw is null).</summary>
    private static string Replace(JsonNode copy, IReadOnlyList<object> location, string? raw)
    {
        var parent = copy;
        foreach (var step in location.Take(location.Count - 1))
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        var last = location[^1];
        if (raw is null)
        {
            parent.AsObject().Remove((string)last);
            return copy.ToJsonString();
        }
        if (last is int index) parent[index] = Raw;
        else parent[(string)last] = Raw;
        return copy.ToJsonString().Replace($"\"{Raw}\"", raw);
    }

    private IEnumerable<FuzzCase> FieldCases(string path, Func<JsonNode> fresh, IReadOnlyList<object> location, ApiSchema schema, string name, string parent)
    {
        var target = Describe(location);
        var validHere = ValidNode(schema, name, parent)?.ToJsonString() ?? "null";
        FuzzCase With(string kind, string? raw) => Body(kind, target, path, Replace(fresh(), location, raw));
        var oversized = JsonSerializer.Serialize(Filler(OversizedString));

        if (location[^1] is string) yield return With("missing-field", null);
        yield return With("null", "null");
        switch (schema.Kind)
        {
            case SchemaKind.String:
                yield return With("nul-in-string", "\"fuzz\\u0000value\"");
                yield return With("control-chars", "\"fuzz\\u0001\\u0007\\b\\u001b\\u007f\\u0085\\u2028\\u202e value\"");
                yield return With("lone-surrogate", "\"fuzz \\ud800 value\"");
                yield return With("oversized-string", oversized);
                yield return With("empty-string", "\"\"");
                yield return With("wrong-type-number", "12345");
                yield return With("wrong-type-object", "{\"fuzz\":1}");
                yield return With("wrong-type-array", "[\"fuzz\"]");
                yield return With("wrong-type-bool", "true");
                break;
            case SchemaKind.Integer or SchemaKind.Number:
                yield return With("wrong-type-string", "\"not a number\"");
                yield return With("nul-in-string", "\"1\\u0000\"");
                yield return With("wrong-type-object", "{}");
                yield return With("wrong-type-array", "[1]");
                yield return With("wrong-type-bool", "false");
                yield return With("int-overflow", "2147483648");
                yield return With("negative-number", "-1");
                yield return With("huge-number", "1e308");
                yield return With("oversized-number", new string('9', OversizedString));
                if (schema.Kind == SchemaKind.Integer) yield return With("fraction", "0.5");
                else yield return With("nan-string", "\"NaN\"");
                break;
            case SchemaKind.Enum:
                var value = world.EnumFor(name, schema.Values!);
                yield return With("unknown-enum", "\"Maybe\"");
                yield return With("lowercase-enum", JsonSerializer.Serialize(value.ToLowerInvariant()));
                yield return With("nul-in-string", JsonSerializer.Serialize(value + "\0"));
                yield return With("oversized-string", oversized);
                yield return With("wrong-type-number", "1");
                yield return With("wrong-type-array", "[]");
                break;
            case SchemaKind.Boolean:
                yield return With("wrong-type-string", "\"fuzz\"");
                yield return With("wrong-type-number", "2");
                break;
            case SchemaKind.Array:
                var item = ValidNode(schema.Items!, name, name)?.ToJsonString() ?? "null";
                yield return With("wrong-type-object", "{}");
                yield return With("wrong-type-string", "\"fuzz\"");
                yield return With("empty-array", "[]");
                yield return With("array-10000", "[" + string.Join(",", Enumerable.Repeat(item, ArrayLength)) + "]");
                yield return With("null-in-array", "[null]");
                yield return With("null-among-items", $"[{item},null,{item}]");
                yield return With("nested-array", $"[[{item}]]");
                break;
            case SchemaKind.Object:
                yield return With("wrong-type-array", "[]");
                yield return With("wrong-type-string", "\"fuzz\"");
                yield return With("empty-object", "{}");
                yield return With("deep-nesting", Deep(NestingDepth, "{\"a\":", "}", "1"));
                yield return With("unknown-field", validHere.Length > 2 ? validHere[..^1] + ",\"fuzzUnknown\":[1,{}]}" : "{\"fuzzUnknown\":[1,{}]}");
                break;
            default:
                yield return With("deep-nesting", Deep(NestingDepth, "{\"a\":", "}", "1"));
                yield return With("wrong-type-string", "\"fuzz\"");
                break;
        }
    }
}
