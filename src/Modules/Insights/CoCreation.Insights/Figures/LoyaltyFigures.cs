using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>Loyalty: members who come back, week over week and across campaigns.</summary>
public static class LoyaltyFigures
{
    public static Loyalty Of(InsightInputs inputs, Period period)
    {
        var days = inputs.MemberDays(period).Where(d => d.Counts.Actions > 0).ToList();
        var active = days.Select(d => d.Member).ToHashSet();
        var severalWeeks = days.GroupBy(d => d.Member).Where(g => g.Select(d => Period.Week(d.Day)).Distinct().Count() >= 2).Select(g => g.Key).ToHashSet();
        var elsewhere = inputs.Elsewhere
            .Where(m => m.Days.Any(d => d.Value.Actions > 0 && (period.To is null || Period.Day(d.Key) <= period.To)))
            .Select(m => m.MemberId).ToHashSet();
        var severalCampaigns = active.Where(elsewhere.Contains).ToHashSet();
        var firstDays = inputs.FirstDays();
        long actions = days.Sum(d => (long)d.Counts.Actions);
        long fromPrior = days.Where(d => firstDays[d.Member] < d.Day).Sum(d => (long)d.Counts.Actions);
        return new Loyalty(active.Count, severalWeeks.Union(severalCampaigns).Count(), severalWeeks.Count, severalCampaigns.Count,
            Stats.Ratio(fromPrior, actions), Retention(days));
    }

    private static IReadOnlyList<WeeklyRetention> Retention(IReadOnlyList<(string Member, DateOnly Day, Activity.DayCounts Counts)> days)
    {
        if (days.Count == 0) return [];
        var byWeek = days.GroupBy(d => Period.WeekStart(d.Day)).ToDictionary(g => g.Key, g => g.Select(d => d.Member).ToHashSet());
        var retention = new List<WeeklyRetention>();
        for (var week = byWeek.Keys.Min().AddDays(7); week <= byWeek.Keys.Max(); week = week.AddDays(7))
        {
            var before = byWeek.GetValueOrDefault(week.AddDays(-7)) ?? [];
            var now = byWeek.GetValueOrDefault(week) ?? [];
            var retained = before.Count(now.Contains);
            retention.Add(new WeeklyRetention(Period.Week(week), before.Count, retained, Stats.Ratio(retained, before.Count)));
        }
        return retention;
    }
}
