using System.Globalization;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Rewards.Sales;

/// <summary>
/// The brand page's sales report form (in the brand.idea slot): the same command as POST /api/ideas/{id}/sales, answered
/// with a redirect back to the page it came from. Its outcome travels under its own query names (sales, salesRefused,
/// salesField), read by <see cref="SalesSection"/> only for its own idea.
/// </summary>
public static class SalesPageEndpoints
{
    public const string Idea = "sales";
    public const string Refused = "salesRefused";
    public const string Field = "salesField";
    public const string Reported = "salesReported";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/ideas/{id:guid}/sales",
                async (Guid id, [FromForm] string? period, [FromForm] string? netSales, [FromForm] string? currency, [FromForm] string? returnUrl,
                    HttpContext http, IMessageContext bus) =>
                {
                    var back = LocalReturn.Of(returnUrl) ?? "/brand";
                    var outcome = $"{back}{(back.Contains('?') ? '&' : '?')}{Idea}={id}";
                    try
                    {
                        var request = new SalesRequest(period?.Trim(), Amount(netSales), currency?.Trim().ToUpperInvariant());
                        await bus.Send<SalesResponse>(http, ReportSalesHandler.ToCommand(request, id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation));
                        return Results.LocalRedirect($"{outcome}&{Reported}={Uri.EscapeDataString(request.Period!)}#sales-{id}");
                    }
                    catch (ValidationFailed invalid)
                    {
                        var fields = string.Concat(invalid.Errors.Keys.Select(k => $"&{Field}={Uri.EscapeDataString(k)}"));
                        return Results.LocalRedirect($"{outcome}&{Refused}=validation{fields}#sales-{id}");
                    }
                    catch (DomainProblem problem)
                    {
                        return Results.LocalRedirect($"{outcome}&{Refused}={Uri.EscapeDataString(problem.Rule)}#sales-{id}");
                    }
                })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .ExcludeFromDescription();

    /// <summary>
    /// An amount with the reader's decimal separator ("1234,50") or a point ("1234.50"); no digit grouping, so "1,234"
    /// is refused rather than read as 1234 by one language and 1.234 by another.
    /// </summary>
    private static decimal? Amount(string? text)
    {
        const NumberStyles plain = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (string.IsNullOrWhiteSpace(text)) return null;
        return decimal.TryParse(text, plain, CultureInfo.CurrentCulture, out var local) ? local
            : decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out var invariant) ? invariant : null;
    }
}
