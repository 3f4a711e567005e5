using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http.Exports;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Queue;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Moderation.Campaigns.Exporting;

/// <summary>A moderation decision in the brand's export; Final: the decision on an appeal.</summary>
[CsvRecord]
public sealed partial record ModerationDecisionExportRow(Guid ItemId, Guid SubjectId, string Decision, string ReasonCode, string Note, string DecidedBy,
    bool Final, DateTimeOffset DecidedAt);

/// <summary>The campaign's moderation decisions, read from Moderation's own events, for the brand that runs it (and legal).</summary>
public static class ModerationExports
{
    /// <summary>Under /api (a bearer token) and, for the brand page's download links, under /campaigns (the browser's cookie).</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var format in CampaignExport.Formats)
        {
            Map(routes.MapGroup("/api/campaigns"), format);
            Map(routes.MapGroup("/campaigns").ExcludeFromDescription(), format);
        }
    }

    private static void Map(RouteGroupBuilder routes, string format)
    {
        routes.MapGet($"/{{id:guid}}/exports/moderation.{format}", async (Guid id, HttpContext http, IDocumentStore store, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                await using (var session = store.QuerySession())
                {
                    var rules = await session.LoadAsync<CampaignModerationRules>(CampaignModerationRules.StreamIdFor(id), token) ?? throw new NotFound("campaign", id);
                    if (!viewer.Is(Roles.Legal)) CampaignAccess.EnsureRunBy(rules.Organisation, viewer.Organisation, "campaign", id);
                }
                return CampaignExport.Of($"campaign-{id}-moderation", format, Decisions(store, id, http.RequestAborted));
            })
            .WithTags("Moderation")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .ProducesExport<ModerationDecisionExportRow>(format)
            .WithSummary($"Export the campaign's moderation decisions as {format.ToUpperInvariant()}");
    }

    private static async IAsyncEnumerable<ModerationDecisionExportRow> Decisions(IDocumentStore store, Guid campaignId, [EnumeratorCancellation] CancellationToken token)
    {
        await using var session = store.QuerySession();
        var decided = session.Events.QueryRawEventDataOnly<ModerationItemDecided>().Where(d => d.CampaignId == campaignId).OrderBy(d => d.DecidedAt);
        await foreach (var d in decided.ToAsyncEnumerable(token))
            yield return new ModerationDecisionExportRow(d.ItemId, d.SubjectId, d.Decision.ToString(), d.ReasonCode ?? "", d.Note ?? "", d.DecidedBy, d.Final, d.DecidedAt);
    }
}
