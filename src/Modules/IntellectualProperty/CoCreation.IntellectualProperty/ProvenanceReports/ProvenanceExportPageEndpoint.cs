using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.IntellectualProperty.ProvenanceReports;

/// <summary>
/// The provenance page's "Download export": the same bundle and the same rules as GET /api/ideas/{id}/provenance/export
/// (legal only), for the browser's cookie, since the /api route takes bearer tokens only.
/// </summary>
public static class ProvenanceExportPageEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/ideas/{id:guid}/provenance/export", async (Guid id, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                if (!viewer.Is(Roles.Legal)) throw new Forbidden("role-not-allowed", "Only legal exports an idea's provenance.");
                var provenance = await ProvenanceReportQuery.Authorized(session, id, viewer, token);
                return await ProvenanceExportFile.Of(session, provenance, clock.GetUtcNow(), http, token);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
}

/// <summary>The export as a downloaded file: indented JSON named provenance-{id}.json.</summary>
public static class ProvenanceExportFile
{
    public static async Task<IResult> Of(IQuerySession session, Contributions.Provenance provenance, DateTimeOffset now, HttpContext http, CancellationToken token)
    {
        var bundle = await ProvenanceExport.Build(session, provenance, now, token);
        // Resolved at request time: the audit registers it only when the log signs checkpoints.
        await ProvenanceExport.Anchor(bundle, http.RequestServices.GetService<CoCreation.BuildingBlocks.Audit.IEventReceipts>(), token);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(provenance.IdeaId)}\"";
        return Results.Text(bundle.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), "application/json");
    }

    public static string FileName(Guid ideaId) => $"provenance-{ideaId}.json";
}
