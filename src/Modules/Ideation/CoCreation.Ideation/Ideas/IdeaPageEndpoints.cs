using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Ideation.Ideas.Commenting;
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
    }
}
