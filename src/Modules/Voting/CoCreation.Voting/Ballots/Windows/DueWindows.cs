using CoCreation.BuildingBlocks.Time;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace CoCreation.Voting.Ballots.Windows;

/// <summary>
/// After the dev clock moved: closes, through the same handler as the scheduled message, every open window whose
/// deadline has passed, and schedules the other open windows again at the real time that now matches their deadline
/// (the earlier schedule assumed the old offset and would fire late; when it does fire, it finds nothing to do).
/// </summary>
public sealed class DueWindows(IServiceProvider services, TimeProvider clock, ILogger<DueWindows> logger) : IDueWork
{
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken token)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var open = await session.Query<Ballot>().Where(b => b.Status == BallotStatus.Open && b.Deadline != null).ToListAsync(token);
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var ran = 0;
        foreach (var ballot in open)
        {
            if (MilestoneWindow.Closing(ballot, clock) is not { } closing) continue;
            if (ballot.Deadline >= now)
            {
                await bus.ScheduleAsync(closing.Message, closing.At);
                continue;
            }
            try
            {
                await bus.InvokeAsync(closing.Message, token);
                ran++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The scheduled message will close it instead; the other windows still get their turn.
                logger.LogWarning(ex, "Closing the window of idea {IdeaId} failed; its scheduled message will retry", ballot.IdeaId);
            }
        }
        return ran;
    }
}
