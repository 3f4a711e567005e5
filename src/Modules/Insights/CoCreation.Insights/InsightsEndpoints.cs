using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Insights.Contracts;
using CoCreation.Insights.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Insights;

public sealed class InsightsEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/campaigns/{id:guid}/insights", async (Guid id, string? from, string? to, HttpContext http, InsightsReader reader, CancellationToken token) =>
                await reader.Campaign(id, InsightsReader.PeriodOf(from, to), Viewer.Of(http), token))
            .WithTags("Insights")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal, Roles.Admin))
            .WithSummary("Read a campaign's key figures: engagement, loyalty, funnel, moderation, concentration, impact, themes (its brand, legal, admins)")
            .Produces<CampaignInsights>();
        routes.MapGet("/api/campaigns/{id:guid}/insights/{table}.csv", Csv)
            .WithTags("Insights")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal, Roles.Admin))
            .WithSummary("Download one table of a campaign's figures as CSV (daily, weekly, funnel, exits, retention, moderation, concentration, impact, tags, terms, similar)")
            .Produces<string>(contentType: "text/csv");
        // The page's download links: the same file for the browser's cookie, since /api takes bearer tokens only.
        routes.MapGet("/campaigns/{id:guid}/insights/{table}.csv", Csv)
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal, Roles.Admin))
            .ExcludeFromDescription();
        routes.MapGet("/api/insights", async (string? from, string? to, HttpContext http, InsightsReader reader, CancellationToken token) =>
                await reader.Platform(InsightsReader.PeriodOf(from, to), Viewer.Of(http), token))
            .WithTags("Insights")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Read the platform's figures and each campaign's headline (admins)")
            .Produces<PlatformInsights>();
    }

    private static async Task<IResult> Csv(Guid id, string table, string? from, string? to, HttpContext http, InsightsReader reader, CancellationToken token)
    {
        // Who may read comes first: to others the campaign does not exist, whatever the table.
        var inputs = await reader.Inputs(id, Viewer.Of(http), token);
        var period = InsightsReader.PeriodOf(from, to);
        var csv = InsightTables.Table(Figures.CampaignFigures.Of(inputs, period), table)
                  ?? throw new ValidationFailed(new Dictionary<string, string[]> { ["table"] = [$"No table '{table}': {string.Join(", ", InsightTables.Names)}."] });
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"insights-{table}-{id}.csv\"";
        return Results.Text(csv, "text/csv; charset=utf-8");
    }
}
