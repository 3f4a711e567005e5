using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.Merging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Ideas;

/// <summary>The idea page's forms: the same commands as the API, answered with a redirect back to the page (post, redirect, get).</summary>
public static class IdeaPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ideas/{id:guid}/comments", async (Guid id, [FromForm] string? text, [FromForm] Guid? replyTo, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<CommentPostedResponse>(http,
                    PostCommentHandler.ToCommand(new CommentRequest(text, replyTo), Guid.CreateVersion7(), id, RequestContext.Of(http).Actor)), $"/ideas/{id}#comments-heading", $"/ideas/{id}"))
            .RequireAuthorization(p => p.RequireRole(BuildingBlocks.Auth.Roles.Participant))
            .ExcludeFromDescription();
        routes.MapPost("/ideas/{id:guid}/comments/{commentId:guid}/edit", async (Guid id, Guid commentId, [FromForm] string? text, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<CommentChangedResponse>(http, CommentChangesHandler.ToCommand(new CommentRequest(text), commentId, RequestContext.Of(http).Actor)),
                    $"/ideas/{id}#comment-{commentId}", $"/ideas/{id}"))
            .RequireAuthorization(p => p.RequireRole(BuildingBlocks.Auth.Roles.Participant))
            .ExcludeFromDescription();
        routes.MapPost("/ideas/{id:guid}/comments/{commentId:guid}/delete", async (Guid id, Guid commentId, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<CommentChangedResponse>(http, new DeleteComment(commentId, RequestContext.Of(http).Actor)),
                    $"/ideas/{id}#comment-{commentId}", $"/ideas/{id}"))
            .RequireAuthorization(p => p.RequireRole(BuildingBlocks.Auth.Roles.Participant))
            .ExcludeFromDescription();
        routes.MapPost("/ideas/{id:guid}/merge", async (Guid id, [FromForm] Guid? into, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
            {
                var viewer = BuildingBlocks.Auth.Viewer.Of(http);
                return await PageForms.Run(() => bus.Send<MergeResponse>(http,
                        MergeIdeaHandler.ToCommand(new MergeRequest(into, note), id, RequestContext.Of(http).Actor, viewer.Is(BuildingBlocks.Auth.Roles.Moderator), viewer.Organisation)),
                    $"/ideas/{into}", $"/ideas/{id}");
            })
            .RequireAuthorization(p => p.RequireRole(BuildingBlocks.Auth.Roles.Moderator, BuildingBlocks.Auth.Roles.Brand))
            .ExcludeFromDescription();
        routes.MapPost("/ideas/{id:guid}/unmerge", async (Guid id, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
            {
                var viewer = BuildingBlocks.Auth.Viewer.Of(http);
                return await PageForms.Run(() => bus.Send<UnmergeResponse>(http,
                        UnmergeIdeaHandler.ToCommand(new UnmergeRequest(note), id, RequestContext.Of(http).Actor, viewer.Is(BuildingBlocks.Auth.Roles.Moderator), viewer.Organisation)),
                    $"/ideas/{id}", $"/ideas/{id}");
            })
            .RequireAuthorization(p => p.RequireRole(BuildingBlocks.Auth.Roles.Moderator, BuildingBlocks.Auth.Roles.Brand))
            .ExcludeFromDescription();
    }
}
