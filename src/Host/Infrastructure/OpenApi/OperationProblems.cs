using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>
/// The 4xx problem responses an operation can give, as application/problem+json on the shared schemas: 400 when it reads
/// input the route does not already constrain, 401 and 403 when protected, 404 when it names a resource by id, 409 for commands.
/// Responses an endpoint declares itself (ProducesProblem) get the shared schema too.
/// </summary>
public static class OperationProblems
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "ValidationProblem";
    public const string ContentType = "application/problem+json";

    public static async Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? "";
        operation.Responses ??= new OpenApiResponses();

        if (ReadsUnconstrainedInput(description) || operation.Parameters?.Any(p => p.In == ParameterLocation.Header) == true)
            Add(operation, context, 400, "The request is invalid: `errors` names each invalid field.", ValidationProblemSchema);
        if (await OperationAccess.PolicyOf(context) is not null)
        {
            Add(operation, context, 401, "No valid bearer token: missing, malformed, expired or badly signed.");
            Add(operation, context, 403, "The token's roles, or the caller's relation to the resource, do not allow this.");
        }
        if (description.RelativePath?.Contains("{id", StringComparison.Ordinal) == true)
            Add(operation, context, 404, "No resource with this id is visible to the caller.");
        if (method is "POST" or "PUT" or "DELETE")
            Add(operation, context, 409, "The request breaks a business rule in the resource's current state, or repeats an Idempotency-Key still in progress.");

        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
            if (response is OpenApiResponse declared) UseSharedSchema(declared, context, status == "400" ? ValidationProblemSchema : ProblemSchema);
        InStatusOrder(operation.Responses);
    }

    private static void InStatusOrder(OpenApiResponses responses)
    {
        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered) responses[status] = response;
    }

    private static bool ReadsUnconstrainedInput(ApiDescription description) =>
        description.ParameterDescriptions.Any(p =>
            p.Source == BindingSource.Body || p.Source == BindingSource.Query || p.Source == BindingSource.Header ||
            (p.Source == BindingSource.Path && p.RouteInfo?.Constraints?.Any() != true));

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string text, string schema = ProblemSchema)
    {
        var key = status.ToString();
        if (operation.Responses!.ContainsKey(key)) return;
        var response = new OpenApiResponse { Description = text };
        UseSharedSchema(response, context, schema);
        operation.Responses[key] = response;
    }

    private static void UseSharedSchema(OpenApiResponse response, OpenApiOperationTransformerContext context, string schema)
    {
        if (string.IsNullOrEmpty(response.Description)) response.Description = "A problem response.";
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [ContentType] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) }
        };
    }

    /// <summary>The problem schemas as the host writes them (ProblemResponses): RFC 9457 members plus correlationId and requestId.</summary>
    public static void AddSchemas(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. `type` ends with the name of the rule that refused the request (…/problems/{rule}).",
            Required = new HashSet<string> { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Identifies the rule: …/problems/{rule}." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The path of the request." },
                ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The X-Correlation-Id of the request, also on its log lines and events." },
                ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String }
            }
        };
        document.Components.Schemas[ValidationProblemSchema] = new OpenApiSchema
        {
            Description = "A problem for invalid input; `errors` maps each invalid field (dotted path) to its messages.",
            AllOf =
            [
                new OpenApiSchemaReference(ProblemSchema, document),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["errors"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
                        }
                    }
                }
            ]
        };
    }
}
