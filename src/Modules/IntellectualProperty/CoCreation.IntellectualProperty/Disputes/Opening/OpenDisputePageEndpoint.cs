using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.IntellectualProperty.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.IntellectualProperty.Disputes.Opening;

/// <summary>The idea page's dispute form: the API's OpenDispute, then back to the idea, where the form says what became of it.</summary>
public static class OpenDisputePageEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ideas/{id:guid}/disputes", (Guid id, [FromForm] string? claim, [FromForm] string? evidence, HttpContext http, IMessageContext bus) =>
                PageForms.Run(
                    () => bus.Send<DisputeResponse>(http, OpenDisputeHandler.ToCommand(new DisputeRequest(claim, evidence), id, RequestContext.Of(http).Actor)),
                    done: $"/ideas/{id}#dispute-heading", refusedTo: $"/ideas/{id}",
                    ruleOf: problem => problem is ValidationFailed ? IpRefusals.DisputeInvalid : problem.Rule,
                    parameter: "ipRefused", fragment: "#dispute-heading"))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();
}
