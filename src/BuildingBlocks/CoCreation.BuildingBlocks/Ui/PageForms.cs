using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Http;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// How a page's form answers (post, redirect, get): the command ran, so the browser goes to the page that shows the
/// result; or it was refused, so it goes back with the rule's name, which the page turns into a sentence.
/// </summary>
public static class PageForms
{
    public static async Task<IResult> Run(Func<Task> command, string done, string refusedTo)
    {
        try
        {
            await command();
            return Results.LocalRedirect(done);
        }
        catch (DomainProblem problem)
        {
            var separator = refusedTo.Contains('?') ? '&' : '?';
            return Results.LocalRedirect($"{refusedTo}{separator}refused={Uri.EscapeDataString(problem.Rule)}");
        }
    }
}
