using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http.Exports;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.GettingDetails;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideation.Campaigns.Exporting;

/// <summary>An idea in the brand's export: lists are joined with "; " so a spreadsheet keeps one row per idea.</summary>
[CsvRecord]
public sealed partial record IdeaExportRow(Guid Id, string Title, string Status, int Supporters, string Authors, string Tags, int Revision,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A public idea in the campaign's open data: no author, no one's personal data but the idea's own words; Supporters is empty while the campaign hides tallies.</summary>
[CsvRecord]
public sealed partial record OpenIdeaRow(Guid Id, string Title, string Description, string Status, int? Supporters, string Tags, DateTimeOffset CreatedAt);

/// <summary>A comment in the brand's export; Hidden: moderation took it out of public view.</summary>
[CsvRecord]
public sealed partial record CommentExportRow(Guid Id, Guid IdeaId, string Author, string Text, bool Hidden, DateTimeOffset PostedAt);

/// <summary>
/// The campaign's ideas and comments for the brand that runs it (and legal), every status included, as the brand already
/// sees them; streamed a page at a time (<see cref="CampaignExport"/>).
/// </summary>
public static class IdeationExports
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapCampaignExport(new CampaignExportDefinition<IdeaExportRow>("ideas", "Campaigns",
            "Export the campaign's ideas (status, supporters, authors, tags)", Owner, (services, id, token) => Ideas(services.GetRequiredService<IDocumentStore>(), id, token)));
        routes.MapCampaignExport(new CampaignExportDefinition<CommentExportRow>("comments", "Campaigns",
            "Export the campaign's comments", Owner, (services, id, token) => Comments(services.GetRequiredService<IDocumentStore>(), id, token)));
        MapOpenData(routes);
    }

    private static async Task<CampaignOwner?> Owner(IQuerySession session, Guid id, CancellationToken token) =>
        await session.LoadAsync<CampaignDetails>(id, token) is { } campaign ? new CampaignOwner(campaign.Organisation) : null;

    /// <summary>The campaign's open data (Decidim's open-data download): its public ideas without their authors, for anyone.</summary>
    public static void MapOpenData(IEndpointRouteBuilder routes) => routes.MapOpenData("ideas", "Campaigns",
        "Open data: the campaign's public ideas, without personal data",
        async (session, id, token) => await session.LoadAsync<CampaignDetails>(id, token) is { Status: not CampaignStatus.Draft },
        (services, id, token) => OpenIdeas(services, id, token));

    private static async IAsyncEnumerable<OpenIdeaRow> OpenIdeas(IServiceProvider services, Guid campaignId, [EnumeratorCancellation] CancellationToken token)
    {
        var visible = CoCreation.Ideation.Ideas.IdeaVisibility.PublicStatuses;
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        // Open data is what anyone may see: counts a campaign hides until voted are left out until voting ends.
        var tallies = await IdeaTallies.For(services, Viewer.Anonymous, await session.LoadAsync<CampaignDetails>(campaignId, token), token);
        await foreach (var i in session.Query<IdeaDetails>().Where(i => i.CampaignId == campaignId && visible.Contains(i.Status)).OrderBy(i => i.CreatedAt).ToAsyncEnumerable(token))
            yield return new OpenIdeaRow(i.Id, i.Title, i.Description, i.Status.ToString(), tallies.Shows(i.Id) ? i.Supporters : null, string.Join("; ", i.Tags), i.CreatedAt);
    }

    // Each export reads in its own session, opened when the response starts streaming and closed when it ends.
    private static async IAsyncEnumerable<IdeaExportRow> Ideas(IDocumentStore store, Guid campaignId, [EnumeratorCancellation] CancellationToken token)
    {
        await using var session = store.QuerySession();
        await foreach (var i in session.Query<IdeaDetails>().Where(i => i.CampaignId == campaignId).OrderBy(i => i.CreatedAt).ToAsyncEnumerable(token))
            yield return new IdeaExportRow(i.Id, i.Title, i.Status.ToString(), i.Supporters, string.Join("; ", i.Authors), string.Join("; ", i.Tags), i.Revision,
                i.CreatedAt, i.UpdatedAt);
    }

    private static async IAsyncEnumerable<CommentExportRow> Comments(IDocumentStore store, Guid campaignId, [EnumeratorCancellation] CancellationToken token)
    {
        await using var session = store.QuerySession();
        await foreach (var c in session.Query<CommentView>().Where(c => c.CampaignId == campaignId).OrderBy(c => c.PostedAt).ToAsyncEnumerable(token))
            yield return new CommentExportRow(c.Id, c.IdeaId, c.Author, c.Text, c.Hidden, c.PostedAt);
    }
}
