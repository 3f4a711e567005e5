using CoCreation.BuildingBlocks.Auth;
using CoCreation.Ideation.Campaigns.GettingDetails;
using Marten;
using Marten.Pagination;

namespace CoCreation.Ideation.Ideas.GettingDetails;

/// <summary>SortedBy: "supporters" or "newest", what the page was really sorted by (see <see cref="CampaignIdeaList.SortFor"/>).</summary>
public sealed record IdeaPage(IReadOnlyList<IdeaDetails> Items, long Total, string SortedBy = "newest")
{
    public IdeaViewPage For(BuildingBlocks.Auth.TallyDisclosure disclosure) =>
        new(Items.Select(i => IdeaView.Of(i, disclosure.Shows(i.Id))).ToList(), Total, SortedBy);
}

/// <summary>
/// A campaign's ideas, filtered by status, sorted by supporters or newest, one page at a time; only those the viewer may
/// see (<see cref="IdeaVisibility"/>), so a filter on a status that is not public finds only the viewer's own; the campaign
/// page also searches titles (case-insensitive, anywhere in the title).
/// </summary>
public static class CampaignIdeaList
{
    public static async Task<IdeaPage> Page(IQuerySession session, CampaignDetails campaign, Viewer viewer, IdeaStatus? status, string sort, int page,
        int pageSize, CancellationToken token, string? titleSearch = null)
    {
        var search = string.IsNullOrWhiteSpace(titleSearch) ? null : titleSearch.Trim();
        IQueryable<IdeaDetails> Filtered()
        {
            var query = session.Query<IdeaDetails>().Where(i => i.CampaignId == campaign.Id);
            if (status is { } s) query = query.Where(i => i.Status == s);
            if (search is not null) query = query.Where(i => i.Title.Contains(search, StringComparison.OrdinalIgnoreCase));
            if (IdeaVisibility.SeesAllOf(viewer, campaign)) return query;
            var visible = IdeaVisibility.PublicStatuses;
            return viewer.Id is { } me
                ? query.Where(i => visible.Contains(i.Status) || i.Authors.Contains(me))
                : query.Where(i => visible.Contains(i.Status));
        }
        var ordered = sort == "supporters"
            ? Filtered().OrderByDescending(i => i.Supporters).ThenByDescending(i => i.CreatedAt)
            : Filtered().OrderByDescending(i => i.CreatedAt);
        var items = await ordered.ToPagedListAsync(page, pageSize, token);
        // Past the last page Marten counts nothing: the total is still the filter's.
        var total = items.Count == 0 && page > 1 ? await Filtered().CountAsync(token) : items.TotalItemCount;
        return new IdeaPage(items.ToList(), total, sort);
    }

    /// <summary>Sorting by supporters would rank ideas whose counts are hidden from the viewer: they get newest first.</summary>
    public static string SortFor(string wanted, BuildingBlocks.Auth.TallyDisclosure disclosure) =>
        wanted == "supporters" && disclosure.HidesAny ? "newest" : wanted;
}
