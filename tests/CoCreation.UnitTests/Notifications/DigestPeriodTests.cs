using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Digests;

namespace CoCreation.UnitTests.Notifications;

public class DigestPeriodTests
{
    [Fact]
    public void A_daily_digest_covers_yesterday_and_a_weekly_one_last_iso_week_monday_to_monday()
    {
        var thursday = new DateTimeOffset(2026, 12, 3, 8, 30, 0, TimeSpan.Zero);

        var day = DigestPeriod.LastEnded(Deliveries.Daily, thursday);
        Assert.Equal(("2026-12-02", new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)), (day.Key, day.From, day.Until));

        var week = DigestPeriod.LastEnded(Deliveries.Weekly, thursday);
        Assert.Equal(("2026-W48", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), (week.Key, week.From, week.Until));
        // On the Monday itself the week just ended is the one reported; across a year's end the ISO year names it.
        Assert.Equal("2026-W48", DigestPeriod.LastEnded(Deliveries.Weekly, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)).Key);
        Assert.Equal("2026-W53", DigestPeriod.LastEnded(Deliveries.Weekly, new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero)).Key);
        Assert.Throws<ArgumentException>(() => DigestPeriod.LastEnded(Deliveries.Email, thursday));
    }
}
