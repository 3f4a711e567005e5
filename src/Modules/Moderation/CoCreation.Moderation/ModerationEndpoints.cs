using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Appeals;
using CoCreation.Moderation.Bans;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Flags;
using CoCreation.Moderation.Log;
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
        Campaigns.Exporting.ModerationExports.Map(routes);
        var moderation = routes.MapGroup("/api/moderation").WithTags("Moderation");
        moderation.MapGet("/queue", (IQuerySession session, CancellationToken token) => ModerationQueue.Pending(session, token))
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .WithSummary("List the moderation items waiting for a decision, oldest first");
        moderation.MapPost("/items/{id:guid}/decision", (Guid id, DecisionRequest body, HttpContext http, IMessageContext bus) =>
                bus.Send<ModerationDecisionResponse>(http, DecideModerationItemHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .WithSummary("Decide a moderation item: approve, reject or hide");
        routes.MapGet("/api/ideas/{id:guid}/moderation", (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
                SubjectDecisions.For(session, SubjectTypes.Idea, id, Viewer.Of(http), token))
            .WithTags("Moderation")
            .RequireAuthorization()
            .WithSummary("List the moderation decisions on an idea, with the item ids to appeal (its authors, moderators, legal)");
        routes.MapGet("/api/comments/{id:guid}/moderation", (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
                SubjectDecisions.For(session, SubjectTypes.Comment, id, Viewer.Of(http), token))
            .WithTags("Moderation")
            .RequireAuthorization()
            .WithSummary("List the moderation decisions on a comment, with the item ids to appeal (its author, moderators, legal)");
        moderation.MapPost("/items/{id:guid}/appeal", (Guid id, AppealRequest? body, HttpContext http, IMessageContext bus) =>
                bus.Send<AppealResponse>(http, AppealDecisionHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .RequireAuthorization()
            .WithSummary("Appeal a moderation decision on one's own idea or comment");
        moderation.MapPost("/bans", async (BanRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var banned = await bus.Send<BanResponse>(http, BanMemberHandler.ToCommand(body, RequestContext.Of(http).Actor));
                return Results.Created($"/api/moderation/bans/{Uri.EscapeDataString(banned.UserId)}", banned);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .WithSummary("Ban a member")
            .Produces<BanResponse>(StatusCodes.Status201Created);
        moderation.MapGet("/log", async (Guid? subjectId, IQuerySession session, CancellationToken token) =>
            {
                if (subjectId is not { } id)
                    throw new ValidationFailed(new Dictionary<string, string[]> { ["subjectId"] = ["'subjectId' is required: the id of an idea or comment."] });
                return await ModerationLog.Of(session, id, token);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator, Roles.Legal))
            .WithSummary("Read the moderation log of an idea or comment");

        moderation.MapGet("/blocked-files", async (IQuerySession session, CancellationToken token) =>
                (await session.Query<Files.BlockedFile>().Where(b => b.Blocked).OrderByDescending(b => b.BlockedAt).ToListAsync(token))
                .Select(b => new Files.BlockedFileResponse(b.Sha256, b.Reason, b.BlockedBy, b.BlockedAt)))
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .WithSummary("List the block list of refused files (their SHA-256)");
        moderation.MapPost("/blocked-files", async (Files.BlockFileRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var blocked = await bus.Send<Files.BlockedFileResponse>(http, Files.BlockFileHandler.ToCommand(body, RequestContext.Of(http).Actor));
                return Results.Created($"/api/moderation/blocked-files/{blocked.Sha256}", blocked);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .WithSummary("Refuse a file for good: a submission carrying these bytes is rejected at screening")
            .Produces<Files.BlockedFileResponse>(StatusCodes.Status201Created);
        moderation.MapDelete("/blocked-files/{sha256}", async (string sha256, HttpContext http, IMessageContext bus) =>
            {
                await bus.Send(http, new Files.UnblockFile(sha256.ToLowerInvariant(), RequestContext.Of(http).Actor));
                return Results.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Moderator))
            .WithSummary("Take a file off the block list")
            .Produces(StatusCodes.Status204NoContent);

        DecisionPageEndpoints.Map(routes);
        Flags.FlagPageEndpoints.Map(routes);
        BanPageEndpoints.Map(routes);
        Files.BlockFilePageEndpoints.Map(routes);
        AppealPageEndpoints.Map(routes);

        MapFlags(routes.MapGroup("/api/ideas").WithTags("Moderation"), SubjectTypes.Idea);
        MapFlags(routes.MapGroup("/api/comments").WithTags("Moderation"), SubjectTypes.Comment);
    }

    private static void MapFlags(RouteGroupBuilder group, string subjectType) =>
        group.MapPost("/{id:guid}/flags", async (Guid id, FlagRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var flagged = await bus.Send<FlagResponse>(http, FlagSubjectHandler.ToCommand(body, subjectType, id, Viewer.Of(http)));
                return Results.Created($"/api/moderation/log?subjectId={id}", flagged);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary(subjectType == SubjectTypes.Idea ? "Flag an idea for moderation" : "Flag a comment for moderation")
            .Produces<FlagResponse>(StatusCodes.Status201Created);
}
