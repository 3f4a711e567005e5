using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Ideation.Ideas.Withdrawing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Ideas.CoAuthoring;

/// <summary>The idea page's forms for its author: invite a co-author, withdraw the idea; the API's commands, answered by a redirect back.</summary>
public static class IdeaOwnerPageEndpoints
{
    /// <summary>Page-only rules: an invitation without a valid user id; a withdrawal not confirmed.</summary>
    public const string InviteeInvalid = "invitee-invalid";
    public const string WithdrawNotConfirmed = "withdraw-not-confirmed";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ideas/{id:guid}/coauthors", ([FromRoute] Guid id, [FromForm] string? userId, HttpContext http, IMessageContext bus) =>
                PageForms.Run(async () =>
                {
                    InviteCoAuthor command;
                    try { command = InviteCoAuthorHandler.ToCommand(new InvitationRequest(string.IsNullOrWhiteSpace(userId) ? null : userId.Trim()), id, RequestContext.Of(http).Actor); }
                    catch (ValidationFailed) { throw new RuleViolated(InviteeInvalid, "The user id is invalid."); }
                    await bus.Send<CoAuthorshipResponse>(http, command);
                }, $"/ideas/{id}#coauthors-heading", $"/ideas/{id}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .RequireFormToken()
            .ExcludeFromDescription();
        routes.MapPost("/ideas/{id:guid}/withdraw", ([FromRoute] Guid id, [FromForm] string? confirm, HttpContext http, IMessageContext bus) =>
                PageForms.Run(async () =>
                {
                    if (confirm != "yes") throw new RuleViolated(WithdrawNotConfirmed, "Withdrawing needs its confirmation.");
                    await bus.Send<IdeaStatusResponse>(http, new WithdrawIdea(id, RequestContext.Of(http).Actor));
                }, $"/ideas/{id}", $"/ideas/{id}"))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .RequireFormToken()
            .ExcludeFromDescription();
    }
}
