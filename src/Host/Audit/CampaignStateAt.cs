using CoCreation.BuildingBlocks.Metadata;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Leaderboards;
using Marten;
using Npgsql;

namespace CoCreation.Host.Audit;

public sealed record IdeaAt(Guid Id, string Title, string Status, int Supporters, int Revision);

public sealed record LeaderAt(string UserId, int Points);

public sealed record CampaignState(Guid CampaignId, DateTimeOffset At, IReadOnlyList<IdeaAt> Ideas, IReadOnlyList<LeaderAt> Leaderboard);

/// <summary>
/// A campaign as it stood at an instant of the application clock, folded from the events recorded up to then with
/// the live read models' own projection code: Ideation's <see cref="IdeaDetailsProjection"/> (through Marten's
/// aggregation up to a version) and Rewards' <see cref="LeaderboardProjection"/>. "Recorded" is the application
/// time each event carries, so the dev clock's moves are honoured.
/// </summary>
public sealed class CampaignStateAt(NpgsqlDataSource dataSource, IDocumentStore store)
{
    public async Task<CampaignState> At(Guid campaignId, DateTimeOffset at, CancellationToken token)
    {
        await using var session = store.QuerySession();
        var ideaIds = await session.Query<IdeaDetails>().Where(i => i.CampaignId == campaignId).Select(i => i.Id).ToListAsync(token);

        // Each idea's last version recorded by then.
        var versions = new Dictionary<Guid, long>();
        await using (var command = dataSource.CreateCommand(
            "select stream_id, max(version) from events.mt_events where stream_id = any($1) and (headers ->> $2)::timestamptz <= $3 group by stream_id"))
        {
            command.Parameters.Add(new() { Value = ideaIds.ToArray() });
            command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
            command.Parameters.Add(new() { Value = at });
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token)) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        var ideas = new List<IdeaAt>();
        foreach (var (ideaId, version) in versions)
            if (await session.Events.AggregateStreamAsync<IdeaDetails>(ideaId, version, token: token) is { } idea)
                ideas.Add(new IdeaAt(idea.Id, idea.Title, idea.Status.ToString(), idea.Supporters, idea.Revision));

        // The campaign's points granted by then, through the leaderboard's own Apply.
        var projection = new LeaderboardProjection();
        var board = new Dictionary<string, LeaderboardEntry>();
        var serializer = store.Options.Serializer();
        await using (var command = dataSource.CreateCommand(
            "select data::text from events.mt_events where type = 'points_granted' and headers ->> $1 = $2 and (headers ->> $3)::timestamptz <= $4 order by seq_id"))
        {
            command.Parameters.Add(new() { Value = EventHeaders.CampaignId });
            command.Parameters.Add(new() { Value = campaignId.ToString() });
            command.Parameters.Add(new() { Value = EventHeaders.RecordedAt });
            command.Parameters.Add(new() { Value = at });
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var granted = serializer.FromJson<PointsGranted>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))));
                var entry = board.TryGetValue(granted.MemberId, out var existing) ? existing : board[granted.MemberId] = new LeaderboardEntry();
                projection.Apply(entry, granted);
            }
        }
        return new CampaignState(campaignId, at, ideas.OrderBy(i => i.Id).ToList(),
            board.Values.OrderByDescending(e => e.Points).ThenBy(e => e.UserId).Take(100).Select(e => new LeaderAt(e.UserId, e.Points)).ToList());
    }
}
