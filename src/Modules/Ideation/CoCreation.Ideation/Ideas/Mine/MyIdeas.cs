using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;

namespace CoCreation.Ideation.Ideas.Mine;

/// <summary>An invitation to co-author: enough to decide on it, not the idea's content (the invitee reads that once they accept).</summary>
public sealed record MyInvitation(Guid IdeaId, Guid CampaignId, string Title, string InvitedBy, IdeaStatus Status);

/// <summary>A member's own ideas, as author or co-author, in every status, and the invitations waiting for them.</summary>
public sealed record MyIdeasResponse(IReadOnlyList<IdeaDetails> Ideas, IReadOnlyList<MyInvitation> Invitations);

/// <summary>What GET /api/me/ideas answers: the member's ideas with the counts their campaigns let them see.</summary>
public sealed record MyIdeasView(IReadOnlyList<IdeaView> Ideas, IReadOnlyList<MyInvitation> Invitations);

/// <summary>What GET /api/me/ideas and the /me page both read.</summary>
public static class MyIdeas
{
    public const int Max = 500;

    public static async Task<MyIdeasResponse> Of(IQuerySession session, string memberId, CancellationToken token)
    {
        var ideas = await session.Query<IdeaDetails>().Where(i => i.Authors.Contains(memberId))
            .OrderByDescending(i => i.UpdatedAt).Take(Max).ToListAsync(token);
        var invited = await session.Query<IdeaDetails>().Where(i => i.Invitations.Contains(memberId))
            .OrderByDescending(i => i.UpdatedAt).Take(Max).ToListAsync(token);
        return new MyIdeasResponse(ideas, invited.Select(i => new MyInvitation(i.Id, i.CampaignId, i.Title, i.Authors[0], i.Status)).ToList());
    }

    /// <summary>Which counts the member sees, campaign by campaign.</summary>
    public static async Task<IReadOnlyDictionary<Guid, BuildingBlocks.Auth.TallyDisclosure>> Tallies(
        IQuerySession session, IServiceProvider services, BuildingBlocks.Auth.Viewer viewer, IEnumerable<Guid> campaignIds, CancellationToken token)
    {
        var ids = campaignIds.Distinct().ToList();
        var campaigns = await session.LoadManyAsync<Campaigns.GettingDetails.CampaignDetails>(token, ids);
        var tallies = new Dictionary<Guid, BuildingBlocks.Auth.TallyDisclosure>();
        foreach (var campaign in campaigns) tallies[campaign.Id] = await IdeaTallies.For(services, viewer, campaign, token);
        return tallies;
    }

    public static async Task<MyIdeasView> ViewedBy(this Task<MyIdeasResponse> mine, IQuerySession session, IServiceProvider services,
        BuildingBlocks.Auth.Viewer viewer, CancellationToken token)
    {
        var response = await mine;
        var tallies = await Tallies(session, services, viewer, response.Ideas.Select(i => i.CampaignId), token);
        return new MyIdeasView(response.Ideas.Select(i => IdeaView.Of(i, tallies.GetValueOrDefault(i.CampaignId)?.Shows(i.Id) ?? true)).ToList(), response.Invitations);
    }
}
