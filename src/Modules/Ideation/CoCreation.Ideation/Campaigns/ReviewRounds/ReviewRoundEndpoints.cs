using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Ideation.Ideas;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Campaigns.ReviewRounds;

/// <summary>The API's review-round routes and the brand page's forms for them.</summary>
public static class ReviewRoundEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var rounds = routes.MapGroup("/api/campaigns/{id:guid}/review-rounds").WithTags("Campaigns");
        rounds.MapPost("", async (Guid id, HttpContext http, IMessageContext bus) =>
            {
                var opened = await bus.Send<ReviewRoundOpenedResponse>(http, new OpenReviewRound(id, Guid.CreateVersion7(), RequestContext.Of(http).Actor, Viewer.Of(http).Organisation));
                return Results.Created($"/api/campaigns/{id}/review-rounds", opened);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Open the next review round with every idea waiting for review (the campaign's brand)")
            .Produces<ReviewRoundOpenedResponse>(StatusCodes.Status201Created);
        rounds.MapPost("/{roundId:guid}/close", (Guid id, Guid roundId, HttpContext http, IMessageContext bus) =>
                bus.Send<ReviewRoundClosedResponse>(http, new CloseReviewRound(id, roundId, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Close a review round: every decision in it is published at once (the campaign's brand)");
        rounds.MapGet("", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                return await ReviewRoundsRead.For(session, await IdeaVisibility.VisibleCampaign(session, id, viewer, token), viewer, token);
            })
            .WithSummary("A campaign's review rounds, their ideas and published results, and the ideas waiting for the next round");

        var brand = routes.MapGroup("/brand/campaigns/{id:guid}/review-rounds").RequireAuthorization(p => p.RequireRole(Roles.Brand)).ExcludeFromDescription();
        brand.MapPost("", (Guid id, HttpContext http, IMessageContext bus) =>
            PageForms.Run(() => bus.Send<ReviewRoundOpenedResponse>(http, new OpenReviewRound(id, Guid.CreateVersion7(), RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)),
                $"/brand#rounds-{id}", "/brand", fragment: $"#rounds-{id}")).RequireFormToken();
        brand.MapPost("/{roundId:guid}/close", (Guid id, Guid roundId, HttpContext http, IMessageContext bus) =>
            PageForms.Run(() => bus.Send<ReviewRoundClosedResponse>(http, new CloseReviewRound(id, roundId, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)),
                $"/brand#rounds-{id}", "/brand", fragment: $"#rounds-{id}")).RequireFormToken();
    }
}
