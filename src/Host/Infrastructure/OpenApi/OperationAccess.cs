using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>
/// Who may call an operation, read from its endpoint's authorization metadata: protected operations carry the Bearer
/// requirement, name their roles in the description and in <c>x-roles</c> (empty: any signed-in member); public ones carry nothing.
/// </summary>
public static class OperationAccess
{
    public const string Scheme = "Bearer";
    public const string RolesExtension = "x-roles";

    public static async Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var policy = await PolicyOf(context);
        if (policy is null) return;

        var roles = RolesOf(policy);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        var who = roles.Count == 0 ? "Any signed-in member." : $"Roles: {string.Join(", ", roles)}.";
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? who : $"{operation.Description.TrimEnd()}\n\n{who}";
    }

    /// <summary>The policy the endpoint is authorized with, combined as the authorization middleware combines it; null when public.</summary>
    public static async Task<AuthorizationPolicy?> PolicyOf(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return null;
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        if (authorizeData.Count == 0 && policies.Count == 0) return null;
        var provider = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        return await AuthorizationPolicy.CombineAsync(provider, authorizeData, policies);
    }

    /// <summary>The roles that satisfy every role requirement of the policy (requirements are all required; each allows any of its roles).</summary>
    public static IReadOnlyList<string> RolesOf(AuthorizationPolicy policy)
    {
        IEnumerable<string>? allowed = null;
        foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            allowed = allowed is null ? requirement.AllowedRoles : allowed.Intersect(requirement.AllowedRoles);
        return allowed?.Distinct().ToList() ?? [];
    }
}
