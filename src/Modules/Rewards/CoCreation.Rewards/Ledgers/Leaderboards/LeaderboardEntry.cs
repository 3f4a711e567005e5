using Marten.Events.Projections;

namespace CoCreation.Rewards.Ledgers.Leaderboards;

/// <summary>A member's points in one campaign; the leaderboard is these rows ordered by points.</summary>
public sealed class LeaderboardEntry
{
    public string Id { get; set; } = "";
    public Guid CampaignId { get; set; }
    public string UserId { get; set; } = "";
    public int Points { get; set; }

    public static string IdFor(Guid campaignId, string memberId) => $"{campaignId}:{memberId}";
}

public sealed class LeaderboardProjection : MultiStreamProjection<LeaderboardEntry, string>
{
    public LeaderboardProjection()
    {
        Identity<PointsGranted>(e => LeaderboardEntry.IdFor(e.CampaignId, e.MemberId));
    }

    public void Apply(LeaderboardEntry entry, PointsGranted e)
    {
        entry.Id = LeaderboardEntry.IdFor(e.CampaignId, e.MemberId);
        entry.CampaignId = e.CampaignId;
        entry.UserId = e.MemberId;
        entry.Points += e.Points;
    }
}
