using CoCreation.BuildingBlocks.Auth;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas.CoAuthoring;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.GettingTimeline;
using CoCreation.Ideation.Ideas.Merging;
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
    /// <summary>A comment's own routes: its author edits or deletes it.</summary>
    public static void MapComments(RouteGroupBuilder comments)
    {
        comments.MapPut("/{id:guid}", (Guid id, CommentRequest body, HttpContext http, IMessageContext bus) =>
                bus.Send<CommentChangedResponse>(http, CommentChangesHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Edit my comment (within ten minutes of posting it)");
        comments.MapDelete("/{id:guid}", (Guid id, HttpContext http, IMessageContext bus) =>
                bus.Send<CommentChangedResponse>(http, new DeleteComment(id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Delete my comment (its text goes, the fact stays)");
    }

    public static void Map(RouteGroupBuilder ideas)
    {
        ideas.MapGet("/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, IServiceProvider services, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                var idea = await IdeaVisibility.VisibleIdea(session, id, viewer, token);
                var campaign = await session.LoadAsync<Campaigns.GettingDetails.CampaignDetails>(idea.CampaignId, token);
                return IdeaView.Of(idea, (await IdeaTallies.For(services, viewer, campaign, token)).Shows(id),
                    await Attachments.AttachmentAccess.OfIdea(session, idea, page: false, token));
            })
            .WithSummary("Read an idea (a non-public one only for its authors, moderators, legal and the campaign's brand)");
        ideas.MapGet("/{id:guid}/timeline", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
        {
            await IdeaVisibility.VisibleIdea(session, id, Viewer.Of(http), token);
            return (await session.LoadAsync<IdeaTimeline>(id, token) ?? throw new NotFound("idea", id)).Entries;
        })
            .WithSummary("Read an idea's timeline");

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
                bus.Send<IdeaDecisionResponse>(http, DecideIdeaHandler.ToCommand(body, id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Decide whether an idea is selected");
        ideas.MapPost("/{id:guid}/updates", async (Guid id, ProgressRequest body, HttpContext http, IMessageContext bus) =>
            {
                var posted = await bus.Send<IdeaStatusResponse>(http, PostProgressHandler.ToCommand(body, id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation));
                return Results.Created($"/api/ideas/{id}/timeline", posted);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Post a progress update on a selected idea")
            .Produces<IdeaStatusResponse>(StatusCodes.Status201Created);

        ideas.MapPost("/{id:guid}/merge", (Guid id, MergeRequest body, HttpContext http, IMessageContext bus) =>
            {
                var viewer = Viewer.Of(http);
                return bus.Send<MergeResponse>(http, MergeIdeaHandler.ToCommand(body, id, RequestContext.Of(http).Actor, viewer.Is(Roles.Moderator), viewer.Organisation));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator, Roles.Brand))
            .WithSummary("Merge a duplicate idea into another (a moderator, or the campaign's brand): its support moves there, its authors are offered co-authorship");
        ideas.MapPost("/{id:guid}/unmerge", (Guid id, UnmergeRequest body, HttpContext http, IMessageContext bus) =>
            {
                var viewer = Viewer.Of(http);
                return bus.Send<UnmergeResponse>(http, UnmergeIdeaHandler.ToCommand(body, id, RequestContext.Of(http).Actor, viewer.Is(Roles.Moderator), viewer.Organisation));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator, Roles.Brand))
            .WithSummary("Undo a merge: the idea, its own support and its authors are restored as they were");

        ideas.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest body, HttpContext http, IMessageContext bus) =>
            {
                var command = PostCommentHandler.ToCommand(body, Guid.CreateVersion7(), id, RequestContext.Of(http).Actor);
                var posted = await bus.Send<CommentPostedResponse>(http, command);
                return Results.Created($"/api/ideas/{id}/comments", posted);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Comment on an idea")
            .Produces<CommentPostedResponse>(StatusCodes.Status201Created);
        ideas.MapGet("/{id:guid}/comments", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
        {
            var viewer = Viewer.Of(http);
            var idea = await IdeaVisibility.VisibleIdea(session, id, viewer, token);
            var campaign = await session.LoadAsync<Campaigns.GettingDetails.CampaignDetails>(idea.CampaignId, token);
            // A comment moderation took out of view is seen only by its author, moderators, legal and the campaign's brand.
            return (await session.Query<CommentView>().Where(c => c.IdeaId == id).OrderBy(c => c.PostedAt).ToListAsync(token))
                .Where(c => !c.Hidden || viewer.SeesNonPublic([c.Author], campaign?.Organisation))
                .Select(c => new CommentListItem(c.Id, c.IdeaId, c.Text, c.Author, c.PostedAt, c.Hidden, c.ReplyTo, c.EditedAt, c.Deleted));
        })
            .WithSummary("List an idea's comments");

    }
}
