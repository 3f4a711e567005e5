using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas.CoAuthoring;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.GettingTimeline;
using CoCreation.Ideation.Ideas.PostingProgress;
using CoCreation.Ideation.Ideas.Revising;
using CoCreation.Ideation.Ideas.Submitting;
using CoCreation.Ideation.Ideas.Withdrawing;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Ideas;

public static class IdeaEndpoints
{
    public static void Map(RouteGroupBuilder ideas)
    {
        ideas.MapGet("/{id:guid}", async (Guid id, IQuerySession session, CancellationToken token) =>
            await session.LoadAsync<IdeaDetails>(id, token) ?? throw new NotFound("idea", id));
        ideas.MapGet("/{id:guid}/timeline", async (Guid id, IQuerySession session, CancellationToken token) =>
            (await session.LoadAsync<IdeaTimeline>(id, token) ?? throw new NotFound("idea", id)).Entries);

        ideas.MapPut("/{id:guid}", (Guid id, IdeaRequest body, HttpContext http, IMessageContext bus) =>
                bus.Send<IdeaSubmittedResponse>(http, ReviseIdeaHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Revise an idea (its authors)");
        ideas.MapPost("/{id:guid}/withdraw", (Guid id, HttpContext http, IMessageContext bus) =>
                bus.Send<IdeaStatusResponse>(http, new WithdrawIdea(id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Withdraw an idea (its authors)");
        ideas.MapPost("/{id:guid}/coauthors", async (Guid id, InvitationRequest body, HttpContext http, IMessageContext bus) =>
            {
                var invited = await bus.Send<CoAuthorshipResponse>(http, InviteCoAuthorHandler.ToCommand(body, id, RequestContext.Of(http).Actor));
                return Results.Created($"/api/ideas/{id}", invited);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Invite a member to co-author an idea (its authors)")
            .Produces<CoAuthorshipResponse>(StatusCodes.Status201Created);
        ideas.MapPost("/{id:guid}/coauthors/accept", (Guid id, HttpContext http, IMessageContext bus) =>
                bus.Send<CoAuthorshipResponse>(http, new AcceptCoAuthorship(id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Accept an invitation to co-author an idea");
        ideas.MapPost("/{id:guid}/decision", (Guid id, IdeaDecisionRequest body, HttpContext http, IMessageContext bus) =>
                bus.Send<IdeaStatusResponse>(http, DecideIdeaHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Decide whether an idea is selected");
        ideas.MapPost("/{id:guid}/updates", async (Guid id, ProgressRequest body, HttpContext http, IMessageContext bus) =>
            {
                var posted = await bus.Send<IdeaStatusResponse>(http, PostProgressHandler.ToCommand(body, id, RequestContext.Of(http).Actor));
                return Results.Created($"/api/ideas/{id}/timeline", posted);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Post a progress update on a selected idea")
            .Produces<IdeaStatusResponse>(StatusCodes.Status201Created);

        ideas.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest body, HttpContext http, IMessageContext bus) =>
            {
                var command = PostCommentHandler.ToCommand(body, Guid.CreateVersion7(), id, RequestContext.Of(http).Actor);
                var posted = await bus.Send<CommentPostedResponse>(http, command);
                return Results.Created($"/api/ideas/{id}/comments", posted);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Comment on an idea")
            .Produces<CommentPostedResponse>(StatusCodes.Status201Created);
        ideas.MapGet("/{id:guid}/comments", async (Guid id, IQuerySession session, CancellationToken token) =>
        {
            var idea = await session.LoadAsync<IdeaDetails>(id, token) ?? throw new NotFound("idea", id);
            // What moderation took out of public view takes its conversation with it.
            if (idea.Status is IdeaStatus.Hidden or IdeaStatus.Rejected or IdeaStatus.Submitted) return [];
            return (await session.Query<CommentView>().Where(c => c.IdeaId == id && !c.Hidden).OrderBy(c => c.PostedAt).ToListAsync(token))
                .Select(c => new { c.Id, c.IdeaId, c.Text, c.Author, c.PostedAt });
        });
    }
}
