using System.Globalization;
using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http.Exports;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots.GettingSupporters;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Voting.Campaigns.Exporting;

/// <summary>An idea's supporters at the end of a day (UTC), from the day its voting opened to today.</summary>
[CsvRecord]
public sealed partial record VoteTallyExportRow(Guid IdeaId, string Day, int Supporters);

/// <summary>The campaign's vote tally per idea per day, for the brand that runs it (and legal), streamed (<see cref="CampaignExport"/>).</summary>
public static class VotingExports
{
    /// <summary>Under /api (a bearer token) and, for the brand page's download links, under /campaigns (the browser's cookie).</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var format in CampaignExport.Formats)
        {
            Map(routes.MapGroup("/api/campaigns"), format);
            Map(routes.MapGroup("/campaigns").ExcludeFromDescription(), format);
            routes.MapGet($"/api/campaigns/{{id:guid}}/open-data/votes.{format}",
                    async (Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken token) =>
                {
                    await using (var session = store.QuerySession())
                        _ = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(id), token) ?? throw new NotFound("campaign", id);
                    return CampaignExport.Of($"campaign-{id}-open-votes", format, Tally(store, id, SupportCurve.DayOf(clock.GetUtcNow()), http.RequestAborted, publicOnly: true));
                })
                .WithTags("Voting")
                .AllowAnonymous()
                .ProducesExport<VoteTallyExportRow>(format)
                .WithSummary($"Open data: the campaign's daily vote tally of its public ideas as {format.ToUpperInvariant()}");
        }
    }

    private static void Map(RouteGroupBuilder routes, string format)
    {
        routes.MapGet($"/{{id:guid}}/exports/votes.{format}",
                async (Guid id, HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                await using (var session = store.QuerySession())
                {
                    // Voting keeps the campaign once it opened; a draft has no votes to export.
                    var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(id), token) ?? throw new NotFound("campaign", id);
                    if (!viewer.Is(Roles.Legal)) CampaignAccess.EnsureRunBy(rules.Organisation, viewer.Organisation, "campaign", id);
                }
                return CampaignExport.Of($"campaign-{id}-votes", format, Tally(store, id, SupportCurve.DayOf(clock.GetUtcNow()), http.RequestAborted));
            })
            .WithTags("Voting")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .ProducesExport<VoteTallyExportRow>(format)
            .WithSummary($"Export the campaign's vote tally per idea per day as {format.ToUpperInvariant()}");
    }

    /// <param name="publicOnly">Only the ideas anyone may see (the open data): a hidden or withdrawn idea's curve is left out.</param>
    private static async IAsyncEnumerable<VoteTallyExportRow> Tally(IDocumentStore store, Guid campaignId, DateOnly today, [EnumeratorCancellation] CancellationToken token,
        bool publicOnly = false)
    {
        await using var session = store.QuerySession();
        var hidden = new HashSet<Guid>();
        if (publicOnly)
            await foreach (var ballot in session.Query<Ballots.Ballot>().Where(b => b.CampaignId == campaignId).ToAsyncEnumerable(token))
                if (!ballot.IsPublic) hidden.Add(ballot.IdeaId);
        await foreach (var curve in session.Query<SupportCurve>().Where(c => c.CampaignId == campaignId).OrderBy(c => c.OpenedAt).ToAsyncEnumerable(token))
            if (!hidden.Contains(curve.IdeaId))
            foreach (var day in curve.EveryDay(today))
                yield return new VoteTallyExportRow(curve.IdeaId, day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Supporters);
    }
}
