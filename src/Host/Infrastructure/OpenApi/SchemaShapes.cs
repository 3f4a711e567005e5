using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>
/// Schemas as the API speaks them: enums are strings (JsonStringEnumConverter) listing their values, numbers are numbers
/// (the server writes them as numbers; that it also reads quoted numbers is no part of the contract), and a request
/// (a type named *Request) requires only the properties it cannot do without: non-nullable ones and those marked [Required].
/// </summary>
public static class SchemaShapes
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum) AsStringEnum(schema);
        NumbersAsNumbers(schema);
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && IsRequest(type)) RequireWhatIsRequired(schema, context.JsonTypeInfo);
        return Task.CompletedTask;
    }

    public static bool IsRequest(Type type) =>
        type.Name.EndsWith("Request", StringComparison.Ordinal) && type.Namespace?.StartsWith("CoCreation.", StringComparison.Ordinal) == true;

    private static void AsStringEnum(OpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values) return;
        schema.Enum = values.Where(v => v is not null).ToList();
        schema.Type = JsonSchemaType.String;
    }

    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) == 0 || (type & JsonSchemaType.String) == 0) return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    private static void RequireWhatIsRequired(OpenApiSchema schema, JsonTypeInfo info)
    {
        var required = info.Properties
            .Where(p => p.IsRequired || !p.IsSetNullable || p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), true) == true)
            .Select(p => p.Name)
            .Where(name => schema.Properties?.ContainsKey(name) == true);
        schema.Required = new HashSet<string>(required);
    }
}
