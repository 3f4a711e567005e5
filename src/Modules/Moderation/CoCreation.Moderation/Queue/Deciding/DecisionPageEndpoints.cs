using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation.Queue.Deciding;

/// <summary>
/// The queue page's decision forms: the same command as the API's, one item or each checked item in turn (one command
/// each), answered with a redirect back to the queue (post, redirect, get).
/// </summary>
public static class DecisionPageEndpoints
{
    public const int MaxItemsAtOnce = 100;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/moderation/items/{id:guid}/decision",
                async (Guid id, [FromForm] string? decision, [FromForm] string? reasonCode, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
                    await PageForms.Run(() =>
                    {
                        var request = Request(decision, reasonCode, note);
                        return bus.Send<ModerationDecisionResponse>(http, DecideModerationItemHandler.ToCommand(request, id, RequestContext.Of(http).Actor));
                    }, "/moderation", $"/moderation?item={id}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .ExcludeFromDescription();

        routes.MapPost("/moderation/decisions", async (IFormCollection form, HttpContext http, IMessageContext bus) =>
            {
                var request = Request(form["decision"], form["reasonCode"], form["note"]);
                var actor = RequestContext.Of(http).Actor;
                var items = form["items"].Select(v => Guid.TryParse(v, out var g) ? g : (Guid?)null).ToList();
                if (items.Count == 0) return Results.LocalRedirect("/moderation?refused=no-items-checked");
                if (items.Count > MaxItemsAtOnce || items.Any(i => i is null)) return Results.LocalRedirect("/moderation?refused=too-many-items");
                try
                {
                    DecideModerationItemHandler.ToCommand(request, Guid.Empty, actor);
                }
                catch (ValidationFailed)
                {
                    return Results.LocalRedirect("/moderation?refused=validation");
                }
                var decided = 0;
                var refused = new List<string>();
                foreach (var id in items.Select(i => i!.Value).Distinct())
                {
                    try
                    {
                        await bus.Send<ModerationDecisionResponse>(http, DecideModerationItemHandler.ToCommand(request, id, actor));
                        decided++;
                    }
                    catch (DomainProblem problem)
                    {
                        refused.Add($"&itemRefused={id}:{Uri.EscapeDataString(problem.Rule)}");
                    }
                }
                return Results.LocalRedirect($"/moderation?decided={decided}{string.Concat(refused)}");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .RequireFormToken()
            .ExcludeFromDescription();
    }

    private static DecisionRequest Request(string? decision, string? reasonCode, string? note) =>
        new(Parse(decision), string.IsNullOrEmpty(reasonCode) ? null : reasonCode, string.IsNullOrWhiteSpace(note) ? null : note);

    private static ModerationDecision? Parse(string? decision) =>
        Enum.GetValues<ModerationDecision>().Cast<ModerationDecision?>().FirstOrDefault(d => d.ToString() == decision);
}
