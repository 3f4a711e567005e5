using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.IntellectualProperty.Agreements.Publishing;

/// <summary>
/// The legal page's publishing form: the API's PublishAgreement, then back to /legal; invalid fields go back with what was
/// typed (a text too long for an address is dropped and said so) and each field's error beside it.
/// </summary>
public static class PublishAgreementPageEndpoint
{
    public const int KeptTextLength = 1_000;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/legal/agreements", async ([FromForm] string? version, [FromForm] string? text, HttpContext http, IMessageContext bus) =>
            {
                try
                {
                    var command = PublishAgreementHandler.ToCommand(new AgreementRequest(version, text), RequestContext.Of(http).Actor);
                    await bus.Send<AgreementPublishedResponse>(http, command);
                    return Results.LocalRedirect($"/legal?published={Uri.EscapeDataString(command.Version)}#agreements-heading");
                }
                catch (ValidationFailed invalid)
                {
                    return Results.LocalRedirect(Back(version, text, invalid.Errors.Keys.Select(k => $"{k}Error=1")));
                }
                catch (DomainProblem problem)
                {
                    return Results.LocalRedirect(Back(version, text, [$"refused={Uri.EscapeDataString(problem.Rule)}"]));
                }
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Legal))
            .ExcludeFromDescription();

    private static string Back(string? version, string? text, IEnumerable<string> extra)
    {
        var query = new List<string>(extra);
        if (!string.IsNullOrEmpty(version) && version.Length <= 50) query.Add($"version={Uri.EscapeDataString(version)}");
        if (!string.IsNullOrEmpty(text))
            query.Add(text.Length <= KeptTextLength ? $"text={Uri.EscapeDataString(text)}" : "textDropped=1");
        return $"/legal?{string.Join('&', query)}#publish-heading";
    }
}
