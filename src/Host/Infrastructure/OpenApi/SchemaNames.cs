using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>Component names of the schemas: the type's own name; anonymous types and raw JSON are written in place.</summary>
public static class SchemaNames
{
    public static string? ReferenceId(JsonTypeInfo info)
    {
        var type = info.Type;
        if (IsAnonymous(type) || type == typeof(JsonElement) || typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type)) return null;
        if (type == typeof(HttpValidationProblemDetails)) return OperationProblems.ValidationProblemSchema;
        if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)) return OperationProblems.ProblemSchema;
        return OpenApiOptions.CreateDefaultSchemaReferenceId(info);
    }

    public static bool IsAnonymous(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal);
}
