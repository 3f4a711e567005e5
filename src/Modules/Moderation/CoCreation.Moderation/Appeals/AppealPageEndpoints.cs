using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation.Appeals;

/// <summary>
/// The idea page's appeal form: the same command as POST /api/moderation/items/{id}/appeal. A refusal goes back with
/// its own query name, so the idea page's notice (Ideation's) does not show it a second time.
/// </summary>
public static class AppealPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ideas/{id:guid}/appeal", async (Guid id, [FromForm] Guid? itemId, [FromForm] string? statement, HttpContext http, IMessageContext bus) =>
            {
                try
                {
                    if (itemId is not { } item) throw new NotFound("moderation item", "");
                    await bus.Send<AppealResponse>(http, AppealDecisionHandler.ToCommand(new AppealRequest(statement), item, RequestContext.Of(http).Actor));
                    return Results.LocalRedirect($"/ideas/{id}");
                }
                catch (DomainProblem problem)
                {
                    return Results.LocalRedirect($"/ideas/{id}?appealRefused={Uri.EscapeDataString(problem.Rule)}");
                }
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
}
