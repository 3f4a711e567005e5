namespace CoCreation.BuildingBlocks.Time;

/// <summary>
/// The application clock: system time plus an offset that only the dev route may move.
/// Everything that asks "what time is it" in a module asks this (registered as TimeProvider).
/// </summary>
public sealed class AppClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
