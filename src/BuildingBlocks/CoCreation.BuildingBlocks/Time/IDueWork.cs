namespace CoCreation.BuildingBlocks.Time;

/// <summary>
/// Work a module schedules for a moment of the application clock (a voting window closing). In production the
/// module's durable scheduled messages fire in real time; when the dev route moves the clock forward, the host
/// asks every module to run at once what has become due, through the same handlers.
/// </summary>
public interface IDueWork
{
    /// <returns>How many items it ran.</returns>
    Task<int> RunDueAsync(DateTimeOffset now, CancellationToken token);
}
