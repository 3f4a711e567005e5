using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Agreements.Accepting;
using CoCreation.IntellectualProperty.Agreements.Publishing;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes.Opening;
using CoCreation.IntellectualProperty.Disputes.Resolving;
using CoCreation.IntellectualProperty.Ownership.Confirming;
using CoCreation.IntellectualProperty.Ownership.Proposing;
using CoCreation.IntellectualProperty.ProvenanceReports;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.IntellectualProperty;

public sealed class IntellectualPropertyEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var agreements = routes.MapGroup("/api/ip/agreements").WithTags("Intellectual property");
        agreements.MapPost("", async (AgreementRequest body, HttpContext http, IMessageContext bus) =>
            {
                var published = await bus.Send<AgreementPublishedResponse>(http, PublishAgreementHandler.ToCommand(body, RequestContext.Of(http).Actor));
                return Results.Created("/api/ip/agreements/current", published);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .WithSummary("Publish a new contribution agreement")
            .Produces<AgreementPublishedResponse>(StatusCodes.Status201Created);
        agreements.MapGet("/current", async (IQuerySession session, CancellationToken token) =>
        {
            var current = (await session.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token))?.Current
                          ?? throw new NotFound("current agreement", "current");
            return new CurrentAgreement(current.Version, current.Text, current.TextHash, current.PublishedAt);
        })
            .WithSummary("Read the contribution agreement in force")
            .ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapPost("/{version}/acceptances", async (string version, HttpContext http, IMessageContext bus) =>
            {
                var accepted = await bus.Send<AcceptanceResponse>(http, new AcceptAgreement(version, RequestContext.Of(http).Actor));
                var body = new AgreementAcceptance(accepted.Version, accepted.TextHash, accepted.AcceptedAt);
                return accepted.Created ? Results.Created($"/api/ip/agreements/{version}/acceptances", body) : Results.Ok(body);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Accept the contribution agreement in force")
            .Produces<AgreementAcceptance>(StatusCodes.Status201Created)
            .Produces<AgreementAcceptance>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapGet("", (IQuerySession session, CancellationToken token) => Agreements.Listing.AgreementVersionList.Of(session, token))
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .WithSummary("List the agreement versions, newest first, with how many members accepted each")
            .Produces<IReadOnlyList<Agreements.Listing.AgreementVersionSummary>>(StatusCodes.Status200OK);
        AgreementPageEndpoints.Map(routes);
        PublishAgreementPageEndpoint.Map(routes);
        ResolveDisputePageEndpoint.Map(routes);
        OpenDisputePageEndpoint.Map(routes);
        Ownership.OwnershipPageEndpoints.Map(routes);
        ProvenanceExportPageEndpoint.Map(routes);

        routes.MapGet("/api/ip/disputes", (string? status, IQuerySession session, CancellationToken token) =>
                Disputes.Listing.DisputeList.Of(session, Disputes.Listing.DisputeList.ValidStatus(status), token))
            .WithTags("Intellectual property")
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .WithMetadata(new QueryValues("status", [Disputes.Listing.DisputeList.Open, Disputes.Listing.DisputeList.Resolved]))
            .WithSummary("List ownership disputes, open or resolved, with their claims and evidence")
            .Produces<IReadOnlyList<Disputes.Listing.DisputeSummary>>(StatusCodes.Status200OK);

        routes.MapPost("/api/ip/disputes/{id:guid}/resolution", (Guid id, ResolutionRequest? body, HttpContext http, IMessageContext bus) =>
                bus.Send<DisputeResponse>(http, ResolveDisputeHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .WithTags("Intellectual property")
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .WithSummary("Resolve an ownership dispute: upheld or dismissed");

        var ideas = routes.MapGroup("/api/ideas").WithTags("Intellectual property");
        ideas.MapPut("/{id:guid}/ownership", (Guid id, OwnershipRequest? body, HttpContext http, IMessageContext bus) =>
                bus.Send<OwnershipResponse>(http, ProposeOwnershipHandler.ToCommand(body, id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Propose how an idea's ownership is split (its authors)");
        ideas.MapPost("/{id:guid}/ownership/confirm", (Guid id, HttpContext http, IMessageContext bus) =>
                bus.Send<OwnershipResponse>(http, new ConfirmOwnership(id, RequestContext.Of(http).Actor)))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Confirm a proposed ownership split (a listed contributor)");
        ideas.MapGet("/{id:guid}/ownership", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                var provenance = await Ideas.ProvenanceAccess.Load(session, id, viewer, token);
                await Ideas.ProvenanceAccess.EnsureMayReadShares(session, provenance, viewer, token);
                return OwnershipView.Of(provenance);
            })
            .RequireAuthorization()
            .WithSummary("Read an idea's ownership shares (its contributors, legal and the campaign's brand)");
        ideas.MapPost("/{id:guid}/disputes", async (Guid id, DisputeRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var opened = await bus.Send<DisputeResponse>(http, OpenDisputeHandler.ToCommand(body, id, RequestContext.Of(http).Actor));
                return Results.Created($"/api/ideas/{id}/provenance", opened);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Open a dispute over an idea's ownership")
            .Produces<DisputeResponse>(StatusCodes.Status201Created);
        ideas.MapGet("/{id:guid}/provenance", async (Guid id, HttpContext http, IQuerySession session, CoCreation.BuildingBlocks.Audit.IEventLogIntegrity integrity,
                TimeProvider clock, CancellationToken token) =>
            {
                var provenance = await ProvenanceReportQuery.Authorized(session, id, Viewer.Of(http), token);
                return await ProvenanceReportQuery.Of(session, integrity, provenance, clock.GetUtcNow(), token);
            })
            .RequireAuthorization()
            .WithSummary("Read an idea's provenance report (legal and the idea's contributors)");
        ideas.MapGet("/{id:guid}/provenance/export", async (Guid id, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken token) =>
            {
                var provenance = await ProvenanceReportQuery.Authorized(session, id, Viewer.Of(http), token);
                return await ProvenanceExportFile.Of(session, provenance, clock.GetUtcNow(), http, token);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .WithSummary("Export an idea's provenance as a bundle that `audit verify-export` checks offline")
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK);
    }
}

/// <summary>The contribution agreement members accept before they contribute; TextHash is the SHA-256 of its text.</summary>
public sealed record CurrentAgreement(string Version, string Text, string TextHash, DateTimeOffset PublishedAt);
