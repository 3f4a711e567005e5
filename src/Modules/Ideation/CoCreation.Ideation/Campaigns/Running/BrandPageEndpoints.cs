using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Ideation.Campaigns.Closing;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.PostingProgress;
using CoCreation.Ideation.Ideas.Withdrawing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Campaigns.Running;

/// <summary>The brand page's forms: the API's commands (create, open, close, decide, post progress), answered by a redirect back to /brand.</summary>
public static class BrandPageEndpoints
{
    /// <summary>Page-only rules: a decision or a progress note the API's validation refused.</summary>
    public const string DecisionInvalid = "decision-invalid";
    public const string ProgressInvalid = "progress-invalid";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var brand = routes.MapGroup("/brand").RequireAuthorization(p => p.RequireRole(Roles.Brand)).ExcludeFromDescription();
        brand.MapPost("/campaigns", async (HttpContext http, IMessageContext bus, TimeProvider clock) =>
        {
            var form = CampaignForm.From(await http.Request.ReadFormAsync(http.RequestAborted));
            var parseErrors = new HashSet<string>();
            var request = form.ToRequest(parseErrors);
            if (parseErrors.Count > 0) return Results.LocalRedirect(form.Address(parseErrors));
            try
            {
                var command = CreateCampaignRules.ToCommand(request, Guid.CreateVersion7(), RequestContext.Of(http).Actor, Viewer.Of(http).Organisation!, clock.GetUtcNow());
                var created = await bus.Send<CampaignCreatedResponse>(http, command);
                return Results.LocalRedirect($"/brand#campaign-{created.Id}");
            }
            catch (ValidationFailed invalid)
            {
                return Results.LocalRedirect(form.Address(CampaignForm.FieldsOf(invalid.Errors)));
            }
            catch (DomainProblem problem)
            {
                return Results.LocalRedirect($"/brand?refused={Uri.EscapeDataString(problem.Rule)}");
            }
        }).RequireFormToken();
        brand.MapPost("/campaigns/{id:guid}/draft", async (Guid id, HttpContext http, IMessageContext bus, TimeProvider clock) =>
        {
            var form = CampaignForm.From(await http.Request.ReadFormAsync(http.RequestAborted));
            var page = $"/brand/campaigns/{id}/edit";
            var parseErrors = new HashSet<string>();
            var request = form.ToRequest(parseErrors);
            if (parseErrors.Count > 0) return Results.LocalRedirect(form.Address(parseErrors, page));
            try
            {
                var command = Editing.EditDraftCampaignHandler.ToCommand(request, id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation, clock.GetUtcNow());
                await bus.Send<CampaignStatusResponse>(http, command);
                return Results.LocalRedirect($"/brand#campaign-{id}");
            }
            catch (ValidationFailed invalid)
            {
                return Results.LocalRedirect(form.Address(CampaignForm.FieldsOf(invalid.Errors), page));
            }
            catch (DomainProblem problem)
            {
                return Results.LocalRedirect($"/brand?refused={Uri.EscapeDataString(problem.Rule)}");
            }
        }).RequireFormToken();
        brand.MapPost("/campaigns/{id:guid}/open", (Guid id, HttpContext http, IMessageContext bus) =>
            PageForms.Run(() => bus.Send<CampaignStatusResponse>(http, new OpenCampaign(id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)),
                $"/brand#campaign-{id}", "/brand")).RequireFormToken();
        brand.MapPost("/campaigns/{id:guid}/close", (Guid id, HttpContext http, IMessageContext bus) =>
            PageForms.Run(() => bus.Send<CampaignStatusResponse>(http, new CloseCampaign(id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation)),
                $"/brand#campaign-{id}", "/brand")).RequireFormToken();
        brand.MapPost("/ideas/{id:guid}/decision", ([FromRoute] Guid id, [FromForm] string? outcome, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
            PageForms.Run(async () =>
            {
                DecisionOutcome? chosen = Enum.TryParse<DecisionOutcome>(outcome, out var o) && Enum.IsDefined(o) ? o : null;
                var command = Refusing(DecisionInvalid, () => DecideIdeaHandler.ToCommand(new IdeaDecisionRequest(chosen, Blank(note)), id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation));
                await bus.Send<IdeaDecisionResponse>(http, command);
            }, $"/brand#idea-{id}", "/brand")).RequireFormToken();
        brand.MapPost("/ideas/{id:guid}/progress", ([FromRoute] Guid id, [FromForm] string? status, [FromForm] string? note, HttpContext http, IMessageContext bus) =>
            PageForms.Run(async () =>
            {
                IdeaStatus? next = status is "InProduction" ? IdeaStatus.InProduction : status is "Launched" ? IdeaStatus.Launched : null;
                var command = Refusing(ProgressInvalid, () => PostProgressHandler.ToCommand(new ProgressRequest(next, note), id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation));
                await bus.Send<IdeaStatusResponse>(http, command);
            }, $"/brand#idea-{id}", "/brand")).RequireFormToken();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static T Refusing<T>(string rule, Func<T> validate)
    {
        try { return validate(); }
        catch (ValidationFailed) { throw new RuleViolated(rule, "The form's fields are invalid."); }
    }
}
