using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCreation.Audit.Transparency.Signing;

/// <summary>
/// Signs a checkpoint at most once per interval, whenever the chain's passes have grown the tree since the last one.
/// It reads the committed tree, so a head is only ever signed over what the chain has linked.
/// </summary>
public sealed class CheckpointPublisher(CheckpointLog log, TransparencySettings settings, ILogger<CheckpointPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval);
        do
        {
            try
            {
                if (await log.SignIfGrown(stoppingToken) is { } signed)
                    logger.LogDebug("Signed the checkpoint of tree size {TreeSize}", signed.TreeSize);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not sign a checkpoint; trying again in {Interval}", settings.Interval);
            }
        } while (await WaitForNextTick(timer, stoppingToken));
    }

    private static async Task<bool> WaitForNextTick(PeriodicTimer timer, CancellationToken token)
    {
        try { return await timer.WaitForNextTickAsync(token); }
        catch (OperationCanceledException) { return false; }
    }
}
