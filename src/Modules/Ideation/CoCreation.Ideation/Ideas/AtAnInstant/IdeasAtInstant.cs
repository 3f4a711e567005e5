using CoCreation.BuildingBlocks.TimeTravel;
using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;

namespace CoCreation.Ideation.Ideas.AtAnInstant;

public sealed record IdeaAt(Guid Id, string Title, string Status, int Supporters, int Revision);

/// <summary>
/// Ideation's part of a campaign's state at an instant: each of its ideas folded by <see cref="IdeaDetailsProjection"/>
/// (the live read model's own code) up to the last version recorded by then.
/// </summary>
public sealed class IdeasAtInstant(IDocumentStore store) : ICampaignStatePart
{
    public string Part => "ideas";

    async Task<object> ICampaignStatePart.At(Guid campaignId, DateTimeOffset at, IEventLogAt log, CancellationToken token) =>
        await At(campaignId, at, log, token);

    public async Task<IReadOnlyList<IdeaAt>> At(Guid campaignId, DateTimeOffset at, IEventLogAt log, CancellationToken token)
    {
        await using var session = store.QuerySession();
        var ideaIds = await session.Query<IdeaDetails>().Where(i => i.CampaignId == campaignId).Select(i => i.Id).ToListAsync(token);
        var ideas = await log.AggregatesAt<IdeaDetails>(ideaIds, at, token);
        return ideas.Select(i => new IdeaAt(i.Key, i.Value.Title, i.Value.Status.ToString(), i.Value.Supporters, i.Value.Revision))
            .OrderBy(i => i.Id).ToList();
    }
}
