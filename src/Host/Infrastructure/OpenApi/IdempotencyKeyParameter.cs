using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>Every POST under /api accepts an Idempotency-Key (see <see cref="Idempotency"/>); the document says so.</summary>
public static class IdempotencyKeyParameter
{
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (context.Description.HttpMethod != "POST" || context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Idempotency.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "At most 255 characters. A retry with the same key and body replays the first response (with Idempotent-Replayed: true) and runs nothing again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 }
        });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("422", new OpenApiResponse { Description = "The Idempotency-Key was used before with a different body." });
        return Task.CompletedTask;
    }
}
