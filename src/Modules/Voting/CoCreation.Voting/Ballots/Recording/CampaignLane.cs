using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CoCreation.Voting.Ballots.Recording;

/// <summary>
/// One campaign's queue of vote changes and the loop that commits them: whatever arrived while the previous
/// group was committing forms the next group. No timer: under light load a group is one vote, under heavy load
/// up to <see cref="MaxGroup"/>.
/// </summary>
internal sealed class CampaignLane
{
    public const int MaxGroup = 512;

    private readonly Channel<PendingVote> _queue = Channel.CreateUnbounded<PendingVote>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Guid _campaignId;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    public CampaignLane(Guid campaignId, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        _campaignId = campaignId;
        _services = services;
        _logger = logger;
        Stopped = Task.Run(() => Run(stopping), CancellationToken.None);
    }

    public Task Stopped { get; }

    public void Enqueue(PendingVote vote)
    {
        if (!_queue.Writer.TryWrite(vote)) vote.Refused(new InvalidOperationException("The vote writer is stopping."));
    }

    private async Task Run(CancellationToken stopping)
    {
        var group = new List<PendingVote>(MaxGroup);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping))
            {
                group.Clear();
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var vote)) group.Add(vote);
                await VoteGroup.Commit(group, _campaignId, _services, _logger);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var vote)) vote.Refused(new OperationCanceledException("The host is stopping."));
        }
    }
}
