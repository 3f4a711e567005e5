using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>Engagement: what happened in the period, in total and day by day and week by week.</summary>
public static class EngagementFigures
{
    public static Engagement Of(InsightInputs inputs, Period period)
    {
        var days = inputs.MemberDays(period).ToList();
        var firstDays = inputs.FirstDays();
        var active = days.Where(d => d.Counts.Actions > 0).Select(d => d.Member).ToHashSet();
        // An open start is the campaign's first active day: else every member would be new, even one active on the
        // platform long before this campaign.
        var newcomers = period.From is null ? period with { From = FirstActiveDay(inputs) } : period;
        return new Engagement(
            IdeasSubmitted: inputs.Ideas.Count(i => i.Reached.TryGetValue("Submitted", out var at) && period.Contains(at)),
            IdeasPublished: inputs.Ideas.Count(i => i.Reached.TryGetValue("Published", out var at) && period.Contains(at)),
            Revisions: days.Sum(d => d.Counts.Revisions),
            Comments: days.Sum(d => d.Counts.Comments),
            VotesCast: days.Sum(d => d.Counts.VotesCast),
            VotesRetracted: days.Sum(d => d.Counts.VotesRetracted),
            VotesDiscounted: days.Sum(d => d.Counts.VotesDiscounted),
            Flags: days.Sum(d => d.Counts.Flags),
            ActiveMembers: active.Count,
            NewMembers: active.Count(m => firstDays.TryGetValue(m, out var first) && newcomers.Contains(first)));
    }

    private static DateOnly? FirstActiveDay(InsightInputs inputs) =>
        inputs.MemberDays(Period.All).Where(d => d.Counts.Actions > 0).Select(d => (DateOnly?)d.Day).Min();

    /// <summary>One point per day from the first to the last day with activity (within the period), empty days included.</summary>
    public static IReadOnlyList<EngagementPoint> Daily(InsightInputs inputs, Period period) =>
        Series(inputs, period, day => (day.ToString("yyyy-MM-dd"), day), day => day.AddDays(1));

    /// <summary>One point per ISO week, from the first to the last week with activity (within the period).</summary>
    public static IReadOnlyList<EngagementPoint> Weekly(InsightInputs inputs, Period period) =>
        Series(inputs, period, day => (Period.Week(day), Period.WeekStart(day)), day => day.AddDays(7));

    private static IReadOnlyList<EngagementPoint> Series(
        InsightInputs inputs, Period period, Func<DateOnly, (string Key, DateOnly Start)> bucketOf, Func<DateOnly, DateOnly> next)
    {
        var activeDays = ActiveDays(inputs, period).ToList();
        if (activeDays.Count == 0) return [];
        var points = new List<EngagementPoint>();
        for (var start = bucketOf(activeDays.Min()).Start; start <= activeDays.Max(); start = next(start))
        {
            var (key, bucketStart) = bucketOf(start);
            var end = next(bucketStart).AddDays(-1);
            var bucket = new Period(Later(bucketStart, period.From), Earlier(end, period.To));
            var e = Of(inputs, bucket);
            points.Add(new EngagementPoint(key, bucketStart, e.IdeasSubmitted, e.IdeasPublished, e.Comments, e.VotesCast, e.VotesRetracted, e.Flags,
                e.ActiveMembers, e.NewMembers));
        }
        return points;
    }

    private static IEnumerable<DateOnly> ActiveDays(InsightInputs inputs, Period period) =>
        inputs.MemberDays(period).Select(d => d.Day)
            .Concat(inputs.Ideas.SelectMany(i => i.Reached.Values).Select(at => DateOnly.FromDateTime(at.UtcDateTime)).Where(period.Contains));

    private static DateOnly Later(DateOnly day, DateOnly? other) => other is { } o && o > day ? o : day;

    private static DateOnly Earlier(DateOnly day, DateOnly? other) => other is { } o && o < day ? o : day;
}
