using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.Host.Infrastructure;

/// <summary>A 403 from a route's role requirement says which roles would be allowed, as a problem response.</summary>
public sealed class ForbiddenExplained : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || !http.Request.Path.StartsWithSegments("/api"))
        {
            await _default.HandleAsync(next, http, policy, result);
            return;
        }
        var roles = (result.AuthorizationFailure?.FailedRequirements ?? policy.Requirements).OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles).Distinct().ToList();
        http.Response.StatusCode = 403;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = 403, Type = ProblemTypes.For("role-not-allowed"), Title = "Forbidden",
                Detail = roles.Count switch
                {
                    1 => $"This operation is for the role {roles[0]}; your token does not carry it.",
                    > 1 => $"This operation is for the roles {string.Join(" or ", roles)}; your token carries none of them.",
                    _ => "Your token does not allow this operation."
                },
                Extensions = { ["allowedRoles"] = roles }
            }
        });
    }
}
