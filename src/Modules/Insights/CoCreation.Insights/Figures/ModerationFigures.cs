using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>Moderation health: how long members wait for a decision, why content is refused, flags and appeals.</summary>
public static class ModerationFigures
{
    public static ModerationHealth Of(InsightInputs inputs, Period period)
    {
        var campaign = inputs.Campaign;
        var decisions = campaign.Decisions.Where(d => period.Contains(d.DecidedAt)).ToList();
        var waits = decisions.Where(d => d.QueuedAt is not null).Select(d => Math.Max(0, (d.DecidedAt - d.QueuedAt!.Value).TotalSeconds)).ToList();
        var flags = campaign.Flags.Count(f => period.Contains(f.At));
        var ideas = inputs.Ideas.Count(i => i.Reached.TryGetValue("Submitted", out var at) && period.Contains(at));
        var appeals = campaign.Appeals.Where(a => period.Contains(a.At)).ToList();
        var outcomes = appeals.Select(a => campaign.Decisions.Where(d => d.ItemId == a.ItemId && d.OnAppeal && d.DecidedAt >= a.At).MinBy(d => d.DecidedAt)).ToList();
        return new ModerationHealth(
            decisions.Count,
            Stats.Quantile(waits, 0.5), Stats.Quantile(waits, 0.95),
            Counted(decisions.Select(d => d.Decision)),
            Counted(decisions.Where(d => d.ReasonCode is not null).Select(d => d.ReasonCode!)),
            flags,
            ideas == 0 ? null : flags * 100.0 / ideas,
            new Appeals(appeals.Count,
                Upheld: outcomes.Count(o => o is { Decision: not "Approve" }),
                Overturned: outcomes.Count(o => o is { Decision: "Approve" }),
                Pending: outcomes.Count(o => o is null)));
    }

    private static IReadOnlyList<ReasonCount> Counted(IEnumerable<string> values) =>
        values.GroupBy(v => v).Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
}
