using CoCreation.Insights.Figures;

namespace CoCreation.UnitTests.Insights;

public class PeriodTests
{
    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_period_holds_both_its_ends_and_an_open_end_is_unbounded()
    {
        var period = new Period(Day(2026, 11, 30), Day(2026, 12, 6));
        Assert.True(period.Contains(Day(2026, 11, 30)));
        Assert.True(period.Contains(Day(2026, 12, 6)));
        Assert.False(period.Contains(Day(2026, 11, 29)));
        Assert.False(period.Contains(Day(2026, 12, 7)));
        Assert.True(new Period(null, Day(2026, 12, 6)).Contains(Day(2000, 1, 1)));
        Assert.False(new Period(null, Day(2026, 12, 6)).Contains(Day(2026, 12, 7)));
        Assert.True(new Period(Day(2026, 11, 30), null).Contains(Day(2099, 1, 1)));
        Assert.True(Period.All.Contains(Day(1970, 1, 1)));
    }

    [Fact]
    public void An_instant_falls_on_its_UTC_day()
    {
        var period = new Period(Day(2026, 12, 2), Day(2026, 12, 2));
        // 1 December 23:30 in New York is 2 December 04:30 UTC.
        Assert.True(period.Contains(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.FromHours(-5))));
        // 2 December 00:30 at UTC+2 is 1 December 22:30 UTC.
        Assert.False(period.Contains(new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.FromHours(2))));
        Assert.True(period.Contains(new DateTimeOffset(2026, 12, 2, 23, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void A_day_key_is_read_as_an_invariant_date()
    {
        Assert.Equal(Day(2026, 12, 2), Period.Day("2026-12-02"));
        Assert.True(new Period(Day(2026, 12, 1), Day(2026, 12, 3)).Contains("2026-12-02"));
        Assert.False(new Period(Day(2026, 12, 1), Day(2026, 12, 3)).Contains("2026-12-04"));
    }

    [Theory]
    [InlineData(2026, 12, 2, "2026-W49", 2026, 11, 30)] // a Wednesday
    [InlineData(2026, 11, 30, "2026-W49", 2026, 11, 30)] // its Monday
    [InlineData(2026, 12, 6, "2026-W49", 2026, 11, 30)] // its Sunday
    [InlineData(2026, 12, 7, "2026-W50", 2026, 12, 7)] // the next Monday
    [InlineData(2027, 1, 1, "2026-W53", 2026, 12, 28)] // 2026 began on a Thursday: it has 53 ISO weeks
    [InlineData(2025, 12, 29, "2026-W01", 2025, 12, 29)] // the first ISO week of 2026 starts in 2025
    public void Weeks_are_ISO_weeks_starting_on_Monday(int year, int month, int day, string week, int startYear, int startMonth, int startDay)
    {
        Assert.Equal(week, Period.Week(Day(year, month, day)));
        Assert.Equal(Day(startYear, startMonth, startDay), Period.WeekStart(Day(year, month, day)));
    }
}
