using System.Globalization;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.IntellectualProperty.Ownership.Confirming;
using CoCreation.IntellectualProperty.Ownership.Proposing;
using CoCreation.IntellectualProperty.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.IntellectualProperty.Ownership;

/// <summary>The ownership forms of the idea page and /me: the API's ProposeOwnership and ConfirmOwnership, then back (post, redirect, get).</summary>
public static class OwnershipPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/ideas/{id:guid}/ownership", async (Guid id, [FromForm] string? returnUrl, HttpContext http, IMessageContext bus) =>
            {
                // One userId and one percent per contributor, in the same order (the form binder takes no arrays of text).
                var form = await http.Request.ReadFormAsync();
                string[] userId = [.. form["userId"].Select(v => v ?? "")], percent = [.. form["percent"].Select(v => v ?? "")];
                var back = LocalReturn.Of(returnUrl) ?? $"/ideas/{id}#contributors-heading";
                try
                {
                    var command = ProposeOwnershipHandler.ToCommand(new OwnershipRequest(Shares(userId, percent)), id, RequestContext.Of(http).Actor);
                    await bus.Send<OwnershipResponse>(http, command);
                    return Results.LocalRedirect(back);
                }
                catch (DomainProblem problem)
                {
                    var rule = problem is ValidationFailed ? IpRefusals.SharesInvalid : problem.Rule;
                    return Results.LocalRedirect(WithRefusal(back, rule));
                }
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();

        routes.MapPost("/ideas/{id:guid}/ownership/confirm", async (Guid id, [FromForm] string? returnUrl, HttpContext http, IMessageContext bus) =>
            {
                var back = LocalReturn.Of(returnUrl) ?? $"/ideas/{id}#contributors-heading";
                try
                {
                    await bus.Send<OwnershipResponse>(http, new ConfirmOwnership(id, RequestContext.Of(http).Actor));
                    return Results.LocalRedirect(back);
                }
                catch (DomainProblem problem)
                {
                    return Results.LocalRedirect(WithRefusal(back, problem.Rule));
                }
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .RequireFormToken()
            .ExcludeFromDescription();
    }

    /// <summary>The address to go back to with the refusal's rule in its query, before any fragment.</summary>
    public static string WithRefusal(string back, string rule)
    {
        var hash = back.IndexOf('#');
        var (path, fragment) = hash < 0 ? (back, "") : (back[..hash], back[hash..]);
        return $"{path}{(path.Contains('?') ? '&' : '?')}ipRefused={Uri.EscapeDataString(rule)}{fragment}";
    }

    /// <summary>One share per contributor the author gave a percent; a blank or zero percent leaves that contributor out; what is not a number is left for the handler to refuse.</summary>
    public static List<ShareRequest> Shares(IReadOnlyList<string> userIds, IReadOnlyList<string> percents)
    {
        var shares = new List<ShareRequest>();
        for (var i = 0; i < userIds.Count; i++)
        {
            var typed = i < percents.Count ? percents[i]?.Trim().Replace(',', '.') : null;
            if (string.IsNullOrEmpty(typed)) continue;
            if (!decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                throw new ValidationFailed(new Dictionary<string, string[]> { ["shares"] = [$"'{userIds[i]}': not a number."] });
            if (value == 0) continue;
            shares.Add(new ShareRequest(userIds[i], value));
        }
        return shares;
    }
}
