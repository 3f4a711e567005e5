using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation.Queue.Deciding;

/// <summary>The queue page's decision form: the same command as the API's, answered with a redirect back to the queue (post, redirect, get).</summary>
public static class DecisionPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/moderation/items/{id:guid}/decision",
                async (Guid id, [FromForm] string? decision, [FromForm] string? reasonCode, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
                    await PageForms.Run(() =>
                    {
                        var request = new DecisionRequest(Parse(decision), string.IsNullOrEmpty(reasonCode) ? null : reasonCode,
                            string.IsNullOrWhiteSpace(note) ? null : note);
                        return bus.Send<ModerationDecisionResponse>(http, DecideModerationItemHandler.ToCommand(request, id, RequestContext.Of(http).Actor));
                    }, "/moderation", $"/moderation?item={id}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .ExcludeFromDescription();

    private static ModerationDecision? Parse(string? decision) =>
        Enum.GetValues<ModerationDecision>().Cast<ModerationDecision?>().FirstOrDefault(d => d.ToString() == decision);
}
