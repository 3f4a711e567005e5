using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Ideation.Ideas.Submitting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Revising;

/// <summary>The edit form's post: the API's ReviseIdea (a new revision), then the idea's page; field errors and refusals go back to the form with what was typed.</summary>
public static class EditIdeaPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ideas/{id:guid}/revisions", async (Guid id, [FromForm] string? title, [FromForm] string? description, [FromForm] string? tags,
                HttpContext http, IMessageContext bus) =>
            {
                var draft = new IdeaDraft(title, description, tags);
                var form = $"/ideas/{id}/edit";
                try
                {
                    var request = draft.ToRequest() with { Attachments = await Attachments.FormFiles.Kept(http.Request, http.RequestAborted) };
                    var files = await Attachments.FormFiles.Read(http.Request, http.RequestAborted);
                    await bus.Send<IdeaSubmittedResponse>(http, new ReviseIdeaWithFiles(ReviseIdeaHandler.ToCommand(request, id, RequestContext.Of(http).Actor), files));
                    return Results.LocalRedirect($"/ideas/{id}");
                }
                catch (ValidationFailed invalid)
                {
                    return Results.LocalRedirect(draft.Address(form,
                        invalid.Errors.Select(e => new KeyValuePair<string, string>($"{e.Key}Error", string.Join(" ", e.Value)))));
                }
                catch (DomainProblem problem)
                {
                    return Results.LocalRedirect(draft.Address(form, [new("refused", problem.Rule)]));
                }
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();
}
