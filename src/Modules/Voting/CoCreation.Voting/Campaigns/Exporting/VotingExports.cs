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
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Voting.Campaigns.Exporting;

/// <summary>An idea's supporters at the end of a day (UTC), from the day its voting opened to today.</summary>
[CsvRecord]
public sealed partial record VoteTallyExportRow(Guid IdeaId, string Day, int Supporters);

/// <summary>The campaign's vote tally per idea per day, for the brand that runs it (and legal), streamed (<see cref="CampaignExport"/>).</summary>
public static class VotingExports
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        // Voting keeps the campaign once it opened; a draft has no votes to export.
        routes.MapCampaignExport(new CampaignExportDefinition<VoteTallyExportRow>(
            "votes", "Voting", "Export the campaign's vote tally per idea per day",
            async (session, id, token) => await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(id), token) is { } rules
                ? new CampaignOwner(rules.Organisation) : null,
            (services, id, token) => Tally(services.GetRequiredService<IDocumentStore>(), id, Today(services), token)));
        routes.MapOpenData("votes", "Voting", "Open data: the campaign's daily vote tally of its public ideas",
            async (session, id, token) => await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(id), token) is not null,
            (services, id, token) => Tally(services.GetRequiredService<IDocumentStore>(), id, Today(services), token, publicAt: services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }

    private static DateOnly Today(IServiceProvider services) => SupportCurve.DayOf(services.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <param name="publicAt">
    /// Only what anyone may see (the open data): a hidden or withdrawn idea's curve is left out, and every curve while the
    /// campaign hides its tallies until voting ends.
    /// </param>
    private static async IAsyncEnumerable<VoteTallyExportRow> Tally(IDocumentStore store, Guid campaignId, DateOnly today, [EnumeratorCancellation] CancellationToken token,
        DateTimeOffset? publicAt = null)
    {
        await using var session = store.QuerySession();
        var publicOnly = publicAt is not null;
        if (publicAt is { } now && (await Ballots.Disclosing.VotingTallyDisclosure.Of(session, Viewer.Anonymous, campaignId, now, token)).HidesAny)
            yield break;
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
