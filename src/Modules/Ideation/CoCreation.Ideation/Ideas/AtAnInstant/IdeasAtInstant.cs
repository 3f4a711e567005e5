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
        var versions = await log.VersionsAt(ideaIds.ToList(), at, token);
        var ideas = new List<IdeaAt>();
        foreach (var (ideaId, version) in versions)
            if (await log.Aggregate<IdeaDetails>(ideaId, version, token) is { } idea)
                ideas.Add(new IdeaAt(idea.Id, idea.Title, idea.Status.ToString(), idea.Supporters, idea.Revision));
        return ideas.OrderBy(i => i.Id).ToList();
    }
}
