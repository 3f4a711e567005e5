using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.IntellectualProperty.Disputes.Opening;
using CoCreation.IntellectualProperty.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.IntellectualProperty.Disputes.Resolving;

/// <summary>The legal page's resolution form: the API's ResolveDispute, then back to /legal with the refusal's rule if refused.</summary>
public static class ResolveDisputePageEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/legal/disputes/{id:guid}/resolution", (Guid id, [FromForm] string? outcome, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
                PageForms.Run(
                    () => bus.Send<DisputeResponse>(http, ResolveDisputeHandler.ToCommand(new ResolutionRequest(outcome, string.IsNullOrWhiteSpace(note) ? null : note), id,
                        RequestContext.Of(http).Actor)),
                    done: $"/legal?resolved={id}#resolved-heading", refusedTo: $"/legal?dispute={id}",
                    ruleOf: problem => problem switch
                    {
                        ValidationFailed => IpRefusals.OutcomeMissing,
                        { Rule: "own-idea" } => IpRefusals.ResolvingOwnIdea,
                        _ => problem.Rule
                    },
                    fragment: $"#dispute-{id}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .ExcludeFromDescription();
}
