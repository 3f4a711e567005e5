using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Http;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// How a page's form answers (post, redirect, get): the command ran, so the browser goes to the page that shows the
/// result; or it was refused, so it goes back with the rule's name, which the page turns into a sentence.
/// </summary>
public static class PageForms
{
    /// <param name="ruleOf">The page's own name for a refusal, where it says more than the API's rule (a form's validation).</param>
    /// <param name="parameter">The query name the page reads the rule from (pages with several modules' forms keep them apart).</param>
    /// <param name="fragment">Where on the page to come back to, e.g. "#dispute-heading".</param>
    public static async Task<IResult> Run(Func<Task> command, string done, string refusedTo,
        Func<DomainProblem, string>? ruleOf = null, string parameter = "refused", string fragment = "")
    {
        try
        {
            await command();
            return Results.LocalRedirect(done);
        }
        catch (DomainProblem problem)
        {
            var separator = refusedTo.Contains('?') ? '&' : '?';
            var rule = ruleOf?.Invoke(problem) ?? problem.Rule;
            return Results.LocalRedirect($"{refusedTo}{separator}{parameter}={Uri.EscapeDataString(rule)}{fragment}");
        }
    }
}
