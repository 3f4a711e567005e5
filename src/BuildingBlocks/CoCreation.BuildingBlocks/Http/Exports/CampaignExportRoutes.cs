using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.BuildingBlocks.Http.Exports;

/// <summary>The organisation that runs a campaign, as the exporting module keeps it (null for a campaign recorded before organisations).</summary>
public sealed record CampaignOwner(string? Organisation);

/// <summary>One brand export of a module: what it is called, how the module knows the campaign's owner, and its rows.</summary>
public sealed record CampaignExportDefinition<TRow>(
    string Kind, string Tag, string Summary,
    Func<IQuerySession, Guid, CancellationToken, Task<CampaignOwner?>> Owner,
    Func<IServiceProvider, Guid, CancellationToken, IAsyncEnumerable<TRow>> Rows);

public static class CampaignExportRoutes
{
    /// <summary>
    /// <c>{kind}.csv</c> and <c>{kind}.json</c> under /api/campaigns/{id}/exports (a bearer token) and under
    /// /campaigns/{id}/exports (the browser's cookie, for the brand page's links): for legal and the brand members of the
    /// organisation that runs the campaign; to anyone else the campaign is not found.
    /// </summary>
    public static void MapCampaignExport<TRow>(this IEndpointRouteBuilder routes, CampaignExportDefinition<TRow> export)
    {
        foreach (var format in CampaignExport.Formats)
        foreach (var api in new[] { true, false })
        {
            var route = routes.MapGet($"{(api ? "/api" : "")}/campaigns/{{id:guid}}/exports/{export.Kind}.{format}",
                    async (Guid id, HttpContext http, IDocumentStore store, CancellationToken token) =>
                    {
                        var viewer = Viewer.Of(http);
                        await using (var session = store.QuerySession())
                        {
                            var owner = await export.Owner(session, id, token) ?? throw new NotFound("campaign", id);
                            if (!viewer.Is(Roles.Legal)) CampaignAccess.EnsureRunBy(owner.Organisation, viewer.Organisation, "campaign", id);
                        }
                        return CampaignExport.Of($"campaign-{id}-{export.Kind}", format, export.Rows(http.RequestServices, id, http.RequestAborted));
                    })
                .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal));
            if (api) route.WithTags(export.Tag).ProducesExport<TRow>(format).WithSummary($"{export.Summary} as {format.ToUpperInvariant()}");
            else route.ExcludeFromDescription();
        }
    }

    /// <summary>
    /// <c>/api/campaigns/{id}/open-data/{kind}.csv</c> and <c>.json</c> for anyone: what is public of a campaign the module
    /// knows (<paramref name="exists"/>; a draft is not known), without personal data.
    /// </summary>
    public static void MapOpenData<TRow>(this IEndpointRouteBuilder routes, string kind, string tag, string summary,
        Func<IQuerySession, Guid, CancellationToken, Task<bool>> exists, Func<IServiceProvider, Guid, CancellationToken, IAsyncEnumerable<TRow>> rows)
    {
        foreach (var format in CampaignExport.Formats)
            routes.MapGet($"/api/campaigns/{{id:guid}}/open-data/{kind}.{format}", async (Guid id, HttpContext http, IDocumentStore store, CancellationToken token) =>
                {
                    await using (var session = store.QuerySession())
                        if (!await exists(session, id, token)) throw new NotFound("campaign", id);
                    return CampaignExport.Of($"campaign-{id}-open-{kind}", format, rows(http.RequestServices, id, http.RequestAborted));
                })
                .WithTags(tag)
                .AllowAnonymous()
                .ProducesExport<TRow>(format)
                .WithSummary($"{summary} as {format.ToUpperInvariant()}");
    }
}
