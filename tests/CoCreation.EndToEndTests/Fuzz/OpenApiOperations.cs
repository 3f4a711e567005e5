using System.Text.Json;

namespace CoCreation.EndToEndTests.Fuzz;

public enum SchemaKind { Any, String, Integer, Number, Boolean, Enum, Array, Object }

public sealed record ApiSchema(SchemaKind Kind, string? Format = null, IReadOnlyList<string>? Values = null,
    IReadOnlyList<(string Name, ApiSchema Schema)>? Properties = null, ApiSchema? Items = null);

public sealed record ApiParameter(string Name, string In, ApiSchema Schema);

public sealed record ApiOperation(string Method, string Template, IReadOnlyList<ApiParameter> Parameters, ApiSchema? Body)
{
    public IEnumerable<ApiParameter> InPath => Parameters.Where(p => p.In == "path");
    public IEnumerable<ApiParameter> InQuery => Parameters.Where(p => p.In == "query");
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Every operation of an OpenAPI 3.x document, with its parameters and JSON request body resolved to plain schemas.</summary>
public static class OpenApiOperations
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<ApiOperation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var method in Methods)
        {
            if (!path.Value.TryGetProperty(method, out var operation)) continue;
            var parameters = new List<ApiParameter>();
            foreach (var source in new[] { path.Value, operation })
                if (source.TryGetProperty("parameters", out var list))
                    parameters.AddRange(list.EnumerateArray().Select(p => new ApiParameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var ps) ? Resolve(ps, schemas, 0) : new ApiSchema(SchemaKind.String))));
            ApiSchema? body = null;
            if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var bodySchema))
                body = Resolve(bodySchema, schemas, 0);
            operations.Add(new ApiOperation(method.ToUpperInvariant(), path.Name, parameters, body));
        }
        return operations;
    }

    private static ApiSchema Resolve(JsonElement schema, JsonElement schemas, int depth)
    {
        if (depth > 12) return new ApiSchema(SchemaKind.Any);
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(name, out var target)
                ? Resolve(target, schemas, depth + 1) : new ApiSchema(SchemaKind.Any);
        }
        foreach (var alternatives in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(alternatives, out var options))
            {
                var chosen = options.EnumerateArray().FirstOrDefault(o => !IsNullOnly(o));
                return chosen.ValueKind == JsonValueKind.Undefined ? new ApiSchema(SchemaKind.Any) : Resolve(chosen, schemas, depth + 1);
            }
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (schema.TryGetProperty("enum", out var values))
            return new ApiSchema(SchemaKind.Enum, format,
                values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList());
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        if (types.Contains("array"))
            return new ApiSchema(SchemaKind.Array, format,
                Items: schema.TryGetProperty("items", out var items) ? Resolve(items, schemas, depth + 1) : new ApiSchema(SchemaKind.Any));
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
            return new ApiSchema(SchemaKind.Object, format, Properties: schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value, schemas, depth + 1))).ToList()
                : []);
        if (types.Contains("integer")) return new ApiSchema(SchemaKind.Integer, format);
        if (types.Contains("number")) return new ApiSchema(SchemaKind.Number, format);
        if (types.Contains("boolean")) return new ApiSchema(SchemaKind.Boolean, format);
        if (types.Contains("string")) return new ApiSchema(SchemaKind.String, format);
        return new ApiSchema(SchemaKind.Any, format);
    }

    private static bool IsNullOnly(JsonElement schema) =>
        schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";
}
