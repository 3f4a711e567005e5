using CoCreation.Host.Infrastructure.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure;

public static class OpenApiSetup
{
    /// <summary>
    /// The OpenAPI document: the bearer scheme on protected operations only, the roles of each operation,
    /// the problem responses it can give, short schema names and request schemas that require what the server requires.
    /// </summary>
    public static IServiceCollection AddCoCreationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaNames.ReferenceId;
            o.AddSchemaTransformer(SchemaShapes.Apply);
            o.AddOperationTransformer(OperationAccess.Apply);
            o.AddOperationTransformer(IdempotencyKeyParameter.Apply);
            o.AddOperationTransformer(OperationProblems.Apply);
            o.AddOperationTransformer(QueryValuesSchema.Apply);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CoCreation API";
                document.Info.Description =
                    "Co-creation campaigns: ideas, votes, moderation, intellectual property and rewards. " +
                    "Errors are RFC 9457 problem responses (application/problem+json) whose `type` ends with the rule that refused the request. " +
                    "Protected operations carry the Bearer requirement and name, in their description and in `x-roles`, the roles that may call them " +
                    "(an empty `x-roles` means any signed-in member). In dev mode, get a token from POST /api/dev/tokens.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[OperationAccess.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT with the roles participant, moderator, brand, legal or admin."
                };
                OperationProblems.AddSchemas(document);
                return Task.CompletedTask;
            });
        });
}
