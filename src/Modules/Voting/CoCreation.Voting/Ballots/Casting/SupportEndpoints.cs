using CoCreation.BuildingBlocks.Ui;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.Voting.Ballots.Retracting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Voting.Ballots.Casting;

/// <summary>The support bar's forms: the same commands as the API's votes, answered with a redirect back to the idea's page.</summary>
public static class SupportEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ideas/{id:guid}/support", async (Guid id, [FromForm] int? score, [FromForm(Name = "ref")] string? referredBy, HttpContext http, IMessageContext bus) =>
                await BackToTheIdea(id, () => bus.Send<VoteCastResponse>(http, CastVoteHandler.ToCommand(new VoteRequest(score, string.IsNullOrWhiteSpace(referredBy) ? null : referredBy.Trim()), id, Viewer.Of(http)))))
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();
        // The /me section's retract buttons send "back": the member returns there rather than to the idea.
        routes.MapPost("/ideas/{id:guid}/support/retract", async (Guid id, HttpContext http, IMessageContext bus) =>
            {
                var back = http.Request.HasFormContentType ? LocalReturn.Of((await http.Request.ReadFormAsync(http.RequestAborted))["back"]) : null;
                Task Retract() => bus.Send(http, new RetractVote(id, RequestContext.Of(http).Actor));
                return back is null ? await BackToTheIdea(id, Retract) : await PageForms.Run(Retract, back, back);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .RequireFormToken()
            .ExcludeFromDescription();
    }

    private static Task<IResult> BackToTheIdea(Guid ideaId, Func<Task> command) => PageForms.Run(command, $"/ideas/{ideaId}", $"/ideas/{ideaId}");
}
