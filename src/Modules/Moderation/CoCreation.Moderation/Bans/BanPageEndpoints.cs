using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation.Bans;

/// <summary>The queue page's ban form: the same command as POST /api/moderation/bans, answered with a redirect back to the queue.</summary>
public static class BanPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/moderation/bans", async ([FromForm] string? userId, [FromForm] string? reason, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<BanResponse>(http, BanMemberHandler.ToCommand(new BanRequest(userId, reason), RequestContext.Of(http).Actor)),
                    $"/moderation?banned={Uri.EscapeDataString(userId?.Trim() ?? "")}", "/moderation?form=ban"))
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .ExcludeFromDescription();
}
