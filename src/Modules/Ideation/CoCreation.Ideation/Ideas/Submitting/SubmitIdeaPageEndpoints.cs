using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Submitting;

/// <summary>
/// The idea form's post: the API's SubmitIdea, then the new idea's page; a field error or a refusal goes back to the
/// form with what was typed; a missing agreement goes to /agreement, which sends the member back to the form.
/// </summary>
public static class SubmitIdeaPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/campaigns/{id:guid}/ideas", async (Guid id, [FromForm] string? title, [FromForm] string? description, [FromForm] string? tags,
                HttpContext http, IMessageContext bus) =>
            {
                var draft = new IdeaDraft(title, description, tags);
                try
                {
                    var command = SubmitIdeaHandler.ToCommand(draft.ToRequest(), Guid.CreateVersion7(), id, RequestContext.Of(http).Actor);
                    var files = await Attachments.FormFiles.Read(http.Request, http.RequestAborted);
                    var submitted = await bus.Send<IdeaSubmittedResponse>(http, new SubmitIdeaWithFiles(command, files));
                    return Results.LocalRedirect($"/ideas/{submitted.Id}");
                }
                catch (ValidationFailed invalid)
                {
                    return Results.LocalRedirect(draft.FormAddress(id,
                        invalid.Errors.Select(e => new KeyValuePair<string, string>($"{e.Key}Error", string.Join(" ", e.Value)))));
                }
                catch (RuleViolated refused) when (refused.Rule == "agreement-not-accepted")
                {
                    return Results.LocalRedirect($"/agreement?returnUrl={Uri.EscapeDataString(draft.FormAddress(id, []))}");
                }
                catch (DomainProblem problem)
                {
                    return Results.LocalRedirect(draft.FormAddress(id, [new("refused", problem.Rule)]));
                }
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();
    }
}
