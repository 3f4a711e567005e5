using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Queue.GettingQueue;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation;

public sealed class ModerationEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var moderation = routes.MapGroup("/api/moderation").WithTags("Moderation")
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator));
        moderation.MapGet("/queue", async (IQuerySession session, CancellationToken token) =>
            await session.Query<QueueEntry>().Where(e => e.Status == ModerationItemStatus.Pending)
                .OrderBy(e => e.CreatedAt).ToListAsync(token));
        moderation.MapPost("/items/{id:guid}/decision", (Guid id, DecisionRequest body, HttpContext http, IMessageContext bus) =>
            bus.Send<ModerationDecisionResponse>(http, DecideModerationItemHandler.ToCommand(body, id, RequestContext.Of(http).Actor)));
    }
}
