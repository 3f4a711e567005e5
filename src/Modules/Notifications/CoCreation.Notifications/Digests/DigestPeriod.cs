using System.Globalization;
using CoCreation.Notifications.Contracts;

namespace CoCreation.Notifications.Digests;

/// <summary>A digest's period: its name (a day, or an ISO week), and the instants it spans (UTC, end excluded).</summary>
public sealed record DigestPeriod(string Key, DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>The last period of the delivery that has ended at <paramref name="now"/>: yesterday, or last week (Monday to Sunday).</summary>
    public static DigestPeriod LastEnded(string delivery, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (delivery == Deliveries.Daily)
            return new DigestPeriod(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(-1), today);
        if (delivery != Deliveries.Weekly) throw new ArgumentException($"Not a digest: {delivery}", nameof(delivery));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var start = monday.AddDays(-7);
        return new DigestPeriod($"{ISOWeek.GetYear(start.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(start.UtcDateTime):00}", start, monday);
    }
}
