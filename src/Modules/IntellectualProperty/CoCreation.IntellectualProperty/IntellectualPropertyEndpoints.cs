using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Agreements.Accepting;
using CoCreation.IntellectualProperty.Agreements.Publishing;
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
            .RequireAuthorization(p => p.RequireRole(Roles.Legal));
        agreements.MapGet("/current", async (IQuerySession session, CancellationToken token) =>
        {
            var current = (await session.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token))?.Current
                          ?? throw new NotFound("current agreement", "current");
            return new { current.Version, current.Text, current.TextHash, current.PublishedAt };
        });
        agreements.MapPost("/{version}/acceptances", async (string version, HttpContext http, IMessageContext bus) =>
            {
                var accepted = await bus.Send<AcceptanceResponse>(http, new AcceptAgreement(version, RequestContext.Of(http).Actor));
                var body = new { accepted.Version, accepted.TextHash, accepted.AcceptedAt };
                return accepted.Created ? Results.Created($"/api/ip/agreements/{version}/acceptances", body) : Results.Ok(body);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant));
    }
}
