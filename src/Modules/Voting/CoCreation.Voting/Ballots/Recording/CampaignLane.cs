using System.Threading.Channels;

namespace CoCreation.Voting.Ballots.Recording;

/// <summary>
/// One campaign's queue of vote changes and the loop that commits them: whatever arrived while the previous
/// group was committing forms the next group. No timer: under light load a group is one vote, under heavy load
/// up to <see cref="MaxGroup"/>. A lane idle for <c>idleAfter</c> closes its queue, commits what slipped in and
/// tells its owner, which makes a new lane for the campaign's next vote.
/// </summary>
public sealed class CampaignLane
{
    public const int MaxGroup = 512;

    private readonly Channel<PendingVote> _queue = Channel.CreateUnbounded<PendingVote>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<PendingVote>, Task> _commit;
    private readonly TimeSpan _idleAfter;
    private readonly Action<CampaignLane> _retired;

    public CampaignLane(Func<IReadOnlyList<PendingVote>, Task> commit, TimeSpan idleAfter, Action<CampaignLane> retired, CancellationToken stopping)
    {
        _commit = commit;
        _idleAfter = idleAfter;
        _retired = retired;
        Stopped = Task.Run(() => Run(stopping), CancellationToken.None);
    }

    public Task Stopped { get; }

    /// <summary>False when the lane has retired (idle) or stopped: the caller takes a new lane.</summary>
    public bool TryEnqueue(PendingVote vote) => _queue.Writer.TryWrite(vote);

    private async Task<bool> ArrivesWithin(Task<bool> waiting, CancellationToken stopping)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var first = await Task.WhenAny(waiting, Task.Delay(_idleAfter, idle.Token));
        await idle.CancelAsync();
        return first == waiting || stopping.IsCancellationRequested;
    }

    private async Task Run(CancellationToken stopping)
    {
        var group = new List<PendingVote>(MaxGroup);
        var retired = false;
        try
        {
            while (true)
            {
                var waiting = _queue.Reader.WaitToReadAsync(stopping).AsTask();
                if (!retired && !await ArrivesWithin(waiting, stopping))
                {
                    // Idle: no vote is accepted from now on; any that arrived before the close is still committed below.
                    retired = _queue.Writer.TryComplete();
                    _retired(this);
                }
                if (!await waiting) return;
                group.Clear();
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var vote)) group.Add(vote);
                await _commit(group);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var vote)) vote.Refused(new OperationCanceledException("The host is stopping."));
        }
        finally
        {
            if (!retired) _retired(this);
        }
    }
}
