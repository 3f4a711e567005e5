using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Http.Exports;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Ledgers;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
    public static void Map(IEndpointRouteBuilder routes) => routes.MapCampaignExport(new CampaignExportDefinition<RewardExportRow>(
        "rewards", "Rewards", "Export the campaign's rewards (points, prizes, royalties)",
        async (session, id, token) => await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(id), token) is { } rules
            ? new CampaignOwner(rules.Organisation) : null,
        (services, id, token) => Rewards(services.GetRequiredService<IDocumentStore>(), id, token)));

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
