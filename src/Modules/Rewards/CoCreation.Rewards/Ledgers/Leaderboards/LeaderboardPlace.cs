namespace CoCreation.Rewards.Ledgers.Leaderboards;

/// <summary>One line of a campaign's public leaderboard.</summary>
public sealed record LeaderboardPlace(string UserId, int Points);
