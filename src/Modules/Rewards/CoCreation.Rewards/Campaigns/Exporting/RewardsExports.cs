using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http.Exports;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Ledgers;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Rewards.Campaigns.Exporting;

/// <summary>
/// One reward in the brand's export: Kind is points, prize or royalty; a prize or a royalty is one row per contributor's
/// part. Cause: what earned the points (an idea, a vote), or the idea paid for, with the sales period of a royalty.
/// </summary>
[CsvRecord]
public sealed partial record RewardExportRow(string Kind, string Member, int Points, decimal Amount, string Currency, decimal SharePercent,
    string Reason, string Cause, DateTimeOffset At);

/// <summary>The campaign's rewards (points granted, prizes paid, royalties shared), from Rewards' own events, for the brand that runs it (and legal).</summary>
public static class RewardsExports
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
        routes.MapGet($"/{{id:guid}}/exports/rewards.{format}", async (Guid id, HttpContext http, IDocumentStore store, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                await using (var session = store.QuerySession())
                {
                    var rules = await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(id), token) ?? throw new NotFound("campaign", id);
                    if (!viewer.Is(Roles.Legal)) CampaignAccess.EnsureRunBy(rules.Organisation, viewer.Organisation, "campaign", id);
                }
                return CampaignExport.Of($"campaign-{id}-rewards", format, Rewards(store, id, http.RequestAborted));
            })
            .WithTags("Rewards")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .ProducesExport<RewardExportRow>(format)
            .WithSummary($"Export the campaign's rewards (points, prizes, royalties) as {format.ToUpperInvariant()}");
    }

    private static async IAsyncEnumerable<RewardExportRow> Rewards(IDocumentStore store, Guid campaignId, [EnumeratorCancellation] CancellationToken token)
    {
        await using var session = store.QuerySession();
        var points = session.Events.QueryRawEventDataOnly<PointsGranted>().Where(p => p.CampaignId == campaignId).OrderBy(p => p.GrantedAt);
        await foreach (var p in points.ToAsyncEnumerable(token))
            yield return new RewardExportRow("points", p.MemberId, p.Points, 0, "", 0, p.Reason, p.CauseId, p.GrantedAt);
        var prizes = session.Events.QueryRawEventDataOnly<PrizePaid>().Where(p => p.CampaignId == campaignId).OrderBy(p => p.PaidAt);
        await foreach (var prize in prizes.ToAsyncEnumerable(token))
            foreach (var part in prize.Parts)
                yield return new RewardExportRow("prize", part.UserId, 0, part.Amount, prize.Currency, part.SharePercent, "selected", prize.IdeaId.ToString(), prize.PaidAt);
        var sales = session.Events.QueryRawEventDataOnly<SalesReported>().Where(s => s.CampaignId == campaignId).OrderBy(s => s.ReportedAt);
        await foreach (var report in sales.ToAsyncEnumerable(token))
            foreach (var part in report.Parts)
                yield return new RewardExportRow("royalty", part.UserId, 0, part.Amount, report.Currency, part.SharePercent, $"{report.RoyaltyPercent}% of {report.NetSales} net sales",
                    $"{report.IdeaId} {report.Period}", report.ReportedAt);
    }
}
