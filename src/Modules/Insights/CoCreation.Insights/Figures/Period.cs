using System.Globalization;

namespace CoCreation.Insights.Figures;

/// <summary>The UTC days a report covers, both ends included; an open end is unbounded.</summary>
public sealed record Period(DateOnly? From, DateOnly? To)
{
    public static readonly Period All = new(null, null);

    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);

    public bool Contains(DateTimeOffset at) => Contains(DateOnly.FromDateTime(at.UtcDateTime));

    public bool Contains(string day) => Contains(Day(day));

    public static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }

    public static DateOnly WeekStart(DateOnly day) =>
        DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday));
}
