using CoCreation.BuildingBlocks.Ui;
using CoCreation.BuildingBlocks.Http;
using CoCreation.Ideation.Ideas.CoAuthoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Mine;

/// <summary>The forms of Ideation's sections of /me: accepting a co-author invitation, through the same command as the API.</summary>
public static class MyPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ideas/{id:guid}/coauthors/accept", async (Guid id, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<CoAuthorshipResponse>(http, new AcceptCoAuthorship(id, RequestContext.Of(http).Actor)), $"/ideas/{id}", "/me"))
            .RequireAuthorization(p => p.RequireRole(BuildingBlocks.Auth.Roles.Participant))
            .RequireFormToken()
            .ExcludeFromDescription();
}
