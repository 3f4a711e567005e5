using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>Representativeness: how much of the ideas and votes come from the most active few.</summary>
public static class ConcentrationFigures
{
    public static Concentration Of(InsightInputs inputs, Period period) =>
        Of(inputs.MemberDays(period).Select(d => (d.Member, d.Counts)));

    /// <summary>Over any members' day counts (one campaign's, or the platform's for admins).</summary>
    public static Concentration Of(IEnumerable<(string Member, Activity.DayCounts Counts)> days)
    {
        var members = days.GroupBy(d => d.Member)
            .Select(g => (Ideas: g.Sum(d => d.Counts.Ideas), Votes: g.Sum(d => d.Counts.VotesCast), Actions: g.Sum(d => d.Counts.Actions)))
            .Where(m => m.Actions > 0).ToList();
        return new Concentration(members.Count,
            Stats.TopShare(members.Select(m => m.Ideas), members.Count, 0.01), Stats.TopShare(members.Select(m => m.Ideas), members.Count, 0.10),
            Stats.TopShare(members.Select(m => m.Votes), members.Count, 0.01), Stats.TopShare(members.Select(m => m.Votes), members.Count, 0.10),
            Stats.Gini(members.Select(m => m.Actions)));
    }
}
