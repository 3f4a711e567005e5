namespace CoCreation.Audit.Replay;

/// <summary>
/// Which instant the replay form asks for. The form sends both the date-time field and the slider, and the instant it
/// showed (<c>was</c>): a date-time other than the one shown was typed, so it wins; a slider moved off the shown
/// instant's position (seconds since the campaign's first event) wins otherwise. The slider's end is now.
/// </summary>
public static class ReplayInstant
{
    public sealed record Choice(DateTimeOffset At, bool Unreadable);

    public static Choice Choose(string? at, string? was, long? position, DateTimeOffset first, DateTimeOffset now)
    {
        var typed = AuditInstant.TryParse(at, out var typedAt);
        var unreadable = !string.IsNullOrWhiteSpace(at) && !typed;
        var slid = position is { } p && (!typed || (AuditInstant.TryParse(was, out var shown) && shown == typedAt && p != PositionOf(shown, first, now)));
        if (slid) return new(position >= Life(first, now) ? now : first.AddSeconds(Math.Max(0, position!.Value)), unreadable);
        return new(typed ? typedAt : now, unreadable);
    }

    public static long Life(DateTimeOffset first, DateTimeOffset now) => Math.Max(0, (long)(now - first).TotalSeconds);

    public static long PositionOf(DateTimeOffset at, DateTimeOffset first, DateTimeOffset now) => Math.Clamp((long)(at - first).TotalSeconds, 0, Life(first, now));
}
