using CoCreation.BuildingBlocks.TimeTravel;

namespace CoCreation.Rewards.Ledgers.Leaderboards.AtAnInstant;

public sealed record LeaderAt(string UserId, int Points);

/// <summary>Rewards' part of a campaign's state at an instant: the points granted by then, through the leaderboard's own Apply.</summary>
public sealed class LeaderboardAtInstant : ICampaignStatePart
{
    public string Part => "leaderboard";

    async Task<object> ICampaignStatePart.At(Guid campaignId, DateTimeOffset at, IEventLogAt log, CancellationToken token) =>
        await At(campaignId, at, log, token);

    public async Task<IReadOnlyList<LeaderAt>> At(Guid campaignId, DateTimeOffset at, IEventLogAt log, CancellationToken token)
    {
        var projection = new LeaderboardProjection();
        var board = new Dictionary<string, LeaderboardEntry>();
        await foreach (var granted in log.EventsOf<PointsGranted>(campaignId, at, token))
        {
            var entry = board.TryGetValue(granted.MemberId, out var existing) ? existing : board[granted.MemberId] = new LeaderboardEntry();
            projection.Apply(entry, granted);
        }
        return board.Values.OrderByDescending(e => e.Points).ThenBy(e => e.UserId, StringComparer.Ordinal).Take(100)
            .Select(e => new LeaderAt(e.UserId, e.Points)).ToList();
    }
}
