using System.Collections.Concurrent;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCreation.Voting.Ballots.Recording;

/// <summary>
/// The one way votes reach the event store: each campaign has a lane that commits the vote changes waiting
/// for it in one transaction, one group after the other (docs/adr/0008). A lane is the only writer of its
/// campaign's votes, so the one-vote rule and the budget are checked against state no one else is changing,
/// and a popular idea costs one stream append per group, not one transaction per vote.
/// </summary>
public sealed class VoteWriter(IServiceProvider services, ILogger<VoteWriter> logger) : IAsyncDisposable
{
    /// <summary>How long a campaign's lane waits for a vote before it is released (and made again on demand).</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, Guid> _campaignOfIdea = new();
    private readonly ConcurrentDictionary<Guid, Lazy<CampaignLane>> _lanes = new();
    private readonly ConcurrentBag<Task> _retiring = [];

    /// <summary>The campaigns that have a lane in memory now.</summary>
    public int ActiveLanes => _lanes.Count;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Queues a cast or retraction and waits until it is committed (the supporters after it) or refused.</summary>
    public async Task<VoteCommitted> Record(object command, Guid ideaId, string voter, EventOrigin origin, CancellationToken token) =>
        await Enqueue(await CampaignOf(ideaId, token), command, ideaId, voter, origin, token);

    /// <summary>Queues a change that concerns a member across a campaign (a discount of all their votes).</summary>
    public Task<VoteCommitted> RecordIn(Guid campaignId, object command, string voter, EventOrigin origin, CancellationToken token) =>
        Enqueue(campaignId, command, Guid.Empty, voter, origin, token);

    private async Task<VoteCommitted> Enqueue(Guid campaignId, object command, Guid ideaId, string voter, EventOrigin origin, CancellationToken token)
    {
        if (_stopping.IsCancellationRequested) throw new OperationCanceledException("The host is stopping.");
        var pending = new PendingVote(command, ideaId, voter, origin);
        while (!LaneOf(campaignId).TryEnqueue(pending))
            if (_stopping.IsCancellationRequested) throw new OperationCanceledException("The host is stopping.");
        // A caller that goes away stops waiting; the vote, once queued, is still committed or refused.
        return await pending.Done.WaitAsync(token);
    }

    private CampaignLane LaneOf(Guid campaignId)
    {
        Lazy<CampaignLane>? made = null;
        made = new Lazy<CampaignLane>(() => new CampaignLane(group => VoteGroup.Commit(group, campaignId, services, logger), IdleAfter,
            // Forgets this lane only, never a newer one made for the campaign meanwhile.
            lane => { _lanes.TryRemove(new KeyValuePair<Guid, Lazy<CampaignLane>>(campaignId, made!)); _retiring.Add(lane.Stopped); },
            _stopping.Token));
        return _lanes.GetOrAdd(campaignId, made).Value;
    }

    private async Task<Guid> CampaignOf(Guid ideaId, CancellationToken token)
    {
        if (_campaignOfIdea.TryGetValue(ideaId, out var known)) return known;
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var ballot = await session.LoadAsync<Ballot>(Ballot.StreamIdFor(ideaId), token)
                     ?? throw new NotFound("idea", ideaId);
        return _campaignOfIdea[ideaId] = ballot.CampaignId;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var lane in _lanes.Values.Where(l => l.IsValueCreated))
            await lane.Value.Stopped;
        await Task.WhenAll(_retiring);
    }
}
