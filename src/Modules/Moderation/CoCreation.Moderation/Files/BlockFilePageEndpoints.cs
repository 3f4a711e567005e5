using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Moderation.Files;

/// <summary>The queue page's "Block this file" form: the same command as POST /api/moderation/blocked-files, answered with a redirect back to the item.</summary>
public static class BlockFilePageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/moderation/blocked-files",
                async ([FromForm] string? sha256, [FromForm] string? reason, [FromForm] Guid? item, HttpContext http, IMessageContext bus) =>
                {
                    var back = item is { } id ? $"/moderation?item={id}" : "/moderation";
                    return await PageForms.Run(
                        () => bus.Send<BlockedFileResponse>(http, BlockFileHandler.ToCommand(new BlockFileRequest(sha256, reason), RequestContext.Of(http).Actor)),
                        $"{back}{(item is null ? "?" : "&")}blocked={Uri.EscapeDataString(sha256?.Trim().ToLowerInvariant() ?? "")}", back,
                        problem => problem is BuildingBlocks.Problems.ValidationFailed ? "block-validation" : problem.Rule);
                })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .ExcludeFromDescription();
}
