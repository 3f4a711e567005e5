using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Http.Exports;
using CoCreation.Moderation.Queue;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Moderation.Campaigns.Exporting;

/// <summary>A moderation decision in the brand's export; Final: the decision on an appeal.</summary>
[CsvRecord]
public sealed partial record ModerationDecisionExportRow(Guid ItemId, Guid SubjectId, string Decision, string ReasonCode, string Note, string DecidedBy,
    bool Final, DateTimeOffset DecidedAt);

/// <summary>The campaign's moderation decisions, read from Moderation's own events, for the brand that runs it (and legal).</summary>
public static class ModerationExports
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapCampaignExport(new CampaignExportDefinition<ModerationDecisionExportRow>(
        "moderation", "Moderation", "Export the campaign's moderation decisions",
        async (session, id, token) => await session.LoadAsync<CampaignModerationRules>(CampaignModerationRules.StreamIdFor(id), token) is { } rules
            ? new CampaignOwner(rules.Organisation) : null,
        (services, id, token) => Decisions(services.GetRequiredService<IDocumentStore>(), id, token)));

    private static async IAsyncEnumerable<ModerationDecisionExportRow> Decisions(IDocumentStore store, Guid campaignId, [EnumeratorCancellation] CancellationToken token)
    {
        await using var session = store.QuerySession();
        var decided = session.Events.QueryRawEventDataOnly<ModerationItemDecided>().Where(d => d.CampaignId == campaignId).OrderBy(d => d.DecidedAt);
        await foreach (var d in decided.ToAsyncEnumerable(token))
            yield return new ModerationDecisionExportRow(d.ItemId, d.SubjectId, d.Decision.ToString(), d.ReasonCode ?? "", d.Note ?? "", d.DecidedBy, d.Final, d.DecidedAt);
    }
}
