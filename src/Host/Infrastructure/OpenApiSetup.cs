using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure;

public static class OpenApiSetup
{
    /// <summary>The OpenAPI document, with the bearer scheme so the /docs reference can send a token.</summary>
    public static IServiceCollection AddCoCreationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CoCreation API";
            document.Info.Description = "Co-creation campaigns: ideas, votes, moderation, intellectual property and rewards. " +
                                        "Errors are RFC 9457 problem responses. In dev mode, get a token from POST /api/dev/tokens.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with the roles participant, moderator, brand, legal or admin."
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
}
