using Marten;
using Marten.Pagination;

namespace CoCreation.Ideation.Ideas.GettingDetails;

public sealed record IdeaPage(IReadOnlyList<IdeaDetails> Items, long Total);

/// <summary>A campaign's ideas, filtered by status, sorted by supporters or newest, one page at a time.</summary>
public static class CampaignIdeaList
{
    public static async Task<IdeaPage> Page(IQuerySession session, Guid campaignId, IdeaStatus? status, string sort, int page, int pageSize, CancellationToken token)
    {
        var query = session.Query<IdeaDetails>().Where(i => i.CampaignId == campaignId);
        if (status is { } s) query = query.Where(i => i.Status == s);
        var ordered = sort == "supporters"
            ? query.OrderByDescending(i => i.Supporters).ThenByDescending(i => i.CreatedAt)
            : query.OrderByDescending(i => i.CreatedAt);
        var items = await ordered.ToPagedListAsync(page, pageSize, token);
        return new IdeaPage(items.ToList(), items.TotalItemCount);
    }
}
