using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;

namespace CoCreation.Ideation.Ideas.Mine;

/// <summary>An invitation to co-author: enough to decide on it, not the idea's content (the invitee reads that once they accept).</summary>
public sealed record MyInvitation(Guid IdeaId, Guid CampaignId, string Title, string InvitedBy, IdeaStatus Status);

/// <summary>A member's own ideas, as author or co-author, in every status, and the invitations waiting for them.</summary>
public sealed record MyIdeasResponse(IReadOnlyList<IdeaDetails> Ideas, IReadOnlyList<MyInvitation> Invitations);

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
}
