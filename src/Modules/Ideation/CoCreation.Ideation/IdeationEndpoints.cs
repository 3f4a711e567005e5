using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.Closing;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.Submitting;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation;

public sealed class IdeationEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns").WithTags("Campaigns");
        campaigns.MapPost("", async (CreateCampaignRequest body, HttpContext http, IMessageContext bus, TimeProvider clock) =>
            {
                var viewer = Viewer.Of(http);
                var command = CreateCampaignRules.ToCommand(body, Guid.CreateVersion7(), RequestContext.Of(http).Actor, viewer.Organisation!, clock.GetUtcNow());
                var created = await bus.Send<CampaignCreatedResponse>(http, command);
                return Results.Created($"/api/campaigns/{created.Id}", created);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Create a campaign (a draft until it is opened)")
            .Produces<CampaignCreatedResponse>(StatusCodes.Status201Created);
        campaigns.MapPut("/{id:guid}", (Guid id, CreateCampaignRequest body, HttpContext http, IMessageContext bus, TimeProvider clock) =>
                bus.Send<CampaignStatusResponse>(http, Campaigns.Editing.EditDraftCampaignHandler.ToCommand(body, id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation, clock.GetUtcNow())))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Edit a draft campaign (title, brief, rules) until it opens");
        campaigns.MapPost("/{id:guid}/open", (Guid id, HttpContext http, IMessageContext bus) =>
                bus.Send<CampaignStatusResponse>(http, new OpenCampaign(id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Open a draft campaign to ideas and votes");
        campaigns.MapPost("/{id:guid}/close", (Guid id, HttpContext http, IMessageContext bus) =>
                bus.Send<CampaignStatusResponse>(http, new CloseCampaign(id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Close a campaign: no more ideas or votes");
        campaigns.MapGet("", async (HttpContext http, IQuerySession session, CancellationToken token) =>
        {
            // Draft campaigns are listed only to the brand organisation that runs them.
            var organisation = Viewer.Of(http).Organisation ?? "";
            return await session.Query<CampaignDetails>().Where(c => c.Status != CampaignStatus.Draft || c.Organisation == organisation)
                .OrderByDescending(c => c.CreatedAt).ToListAsync(token);
        })
            .WithSummary("List the campaigns, newest first (drafts only to the brand that runs them)");
        Campaigns.Exporting.IdeationExports.Map(routes);
        Attachments.AttachmentEndpoints.Map(routes);
        Campaigns.ReviewRounds.ReviewRoundEndpoints.Map(routes);
        campaigns.MapGet("/{id:guid}", (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
            IdeaVisibility.VisibleCampaign(session, id, Viewer.Of(http), token))
            .WithSummary("Read a campaign");

        campaigns.MapPost("/{id:guid}/ideas", async (Guid id, IdeaRequest body, HttpContext http, IMessageContext bus) =>
            {
                var command = SubmitIdeaHandler.ToCommand(body, Guid.CreateVersion7(), id, RequestContext.Of(http).Actor);
                var submitted = await bus.Send<IdeaSubmittedResponse>(http, command);
                return Results.Created($"/api/ideas/{submitted.Id}", new Ideas.Withdrawing.IdeaStatusResponse(submitted.Id, submitted.Status));
            })
            .WithTags("Ideas")
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Submit an idea to a campaign")
            .Produces<Ideas.Withdrawing.IdeaStatusResponse>(StatusCodes.Status201Created);
        campaigns.MapGet("/{id:guid}/ideas", async (Guid id, string? status, string? sort, int? page, int? pageSize,
                HttpContext http, IQuerySession session, IServiceProvider services, CancellationToken token) =>
            {
                IdeaStatus? wanted = Enum.GetNames<IdeaStatus>().FirstOrDefault(n => n.Equals(status, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<IdeaStatus>(name) : null;
                new Validation()
                    .Require(status is null || wanted is not null, "status", $"'status' must be one of: {string.Join(", ", Enum.GetNames<IdeaStatus>())}.")
                    .Require(sort?.ToLowerInvariant() is null or "supporters" or "newest", "sort", "'sort' must be 'supporters' or 'newest'.")
                    .Require(page is null or (>= 1 and <= 100_000), "page", "'page' is from 1 to 100,000.")
                    .Require(pageSize is null or (>= 1 and <= 100), "pageSize", "'pageSize' must be between 1 and 100.")
                    .ThrowIfInvalid();
                var viewer = Viewer.Of(http);
                var campaign = await IdeaVisibility.VisibleCampaign(session, id, viewer, token);
                var tallies = await IdeaTallies.For(services, viewer, campaign, token);
                var sorted = CampaignIdeaList.SortFor(sort?.ToLowerInvariant() ?? "newest", tallies);
                return (await CampaignIdeaList.Page(session, campaign, viewer, wanted, sorted, page ?? 1, pageSize ?? 20, token)).For(tallies);
            })
            .Produces<IdeaViewPage>()
            .WithTags("Ideas")
            .WithMetadata(new QueryValues("status", Enum.GetNames<IdeaStatus>()), new QueryValues("sort", ["supporters", "newest"]))
            .WithSummary("List a campaign's ideas, a page at a time");

        routes.MapGet("/api/me/ideas", async (HttpContext http, IQuerySession session, IServiceProvider services, CancellationToken token) =>
                await Ideas.Mine.MyIdeas.ViewedBy(Ideas.Mine.MyIdeas.Of(session, Viewer.Of(http).Id!, token), session, services, Viewer.Of(http), token))
            .WithTags("Ideas")
            .RequireAuthorization()
            .WithSummary($"My ideas as author or co-author, every status, newest first (at most {Ideas.Mine.MyIdeas.Max}), and the invitations to co-author waiting for me")
            .Produces<Ideas.Mine.MyIdeasView>();

        IdeaEndpoints.Map(routes.MapGroup("/api/ideas").WithTags("Ideas"));
        IdeaEndpoints.MapComments(routes.MapGroup("/api/comments").WithTags("Ideas"));
        IdeaPageEndpoints.Map(routes);
        Ideas.Mine.MyPageEndpoints.Map(routes);
        Ideas.Submitting.SubmitIdeaPageEndpoints.Map(routes);
        Campaigns.Running.BrandPageEndpoints.Map(routes);
        Ideas.Revising.EditIdeaPageEndpoints.Map(routes);
        Ideas.CoAuthoring.IdeaOwnerPageEndpoints.Map(routes);
    }
}
