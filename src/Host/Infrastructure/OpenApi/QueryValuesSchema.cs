using System.Text.Json.Nodes;
using CoCreation.BuildingBlocks.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>A query parameter an endpoint reads as text but accepts only some values of (<see cref="QueryValues"/>) is documented as a string enum.</summary>
public static class QueryValuesSchema
{
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        foreach (var values in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryValues>())
            if (operation.Parameters?.FirstOrDefault(p => p.Name == values.Parameter) is OpenApiParameter parameter)
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
        return Task.CompletedTask;
    }
}
