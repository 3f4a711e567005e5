using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation.Flags;

/// <summary>The idea page's flag form: the same command as the API's flags, answered with a redirect back to the idea.</summary>
public static class FlagPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ideas/{id:guid}/flag", async (Guid id, [FromForm] string? reason, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<FlagResponse>(http,
                    FlagSubjectHandler.ToCommand(new FlagRequest(reason), Contracts.SubjectTypes.Idea, id, Viewer.Of(http))), $"/ideas/{id}", $"/ideas/{id}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();
}
