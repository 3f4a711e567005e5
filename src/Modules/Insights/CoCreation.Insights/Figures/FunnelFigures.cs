using CoCreation.Insights.Activity;
using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>The innovation funnel of the ideas submitted in the period, and the ways they left it.</summary>
public static class FunnelFigures
{
    public static IReadOnlyList<string> Stages(int milestones) =>
        ["Submitted", "Published", .. Enumerable.Range(0, milestones).Select(IdeaJourney.MilestoneStage), "UnderReview", "Selected", "InProduction", "Launched"];

    public static IReadOnlyList<IdeaJourney> Cohort(InsightInputs inputs, Period period) =>
        inputs.Ideas.Where(i => i.Reached.TryGetValue("Submitted", out var at) && period.Contains(at)).ToList();

    public static IReadOnlyList<FunnelStage> Of(InsightInputs inputs, Period period)
    {
        var cohort = Cohort(inputs, period);
        var stages = new List<FunnelStage>();
        string? previous = null;
        foreach (var stage in Stages(inputs.Campaign.Milestones))
        {
            var reached = cohort.Where(i => i.Reached.ContainsKey(stage)).ToList();
            double? conversion = null, medianDays = null;
            if (previous is not null)
            {
                var before = stages[^1].Count;
                conversion = before == 0 ? null : reached.Count / (double)before;
                medianDays = Stats.Median(reached.Where(i => i.Reached.ContainsKey(previous))
                    .Select(i => (i.Reached[stage] - i.Reached[previous]).TotalDays));
            }
            stages.Add(new FunnelStage(stage, reached.Count, conversion, medianDays));
            previous = stage;
        }
        return stages;
    }

    public static FunnelExits Exits(InsightInputs inputs, Period period)
    {
        var cohort = Cohort(inputs, period);
        var expired = cohort.Where(i => i.Reached.ContainsKey("Expired")).ToList();
        // The milestone an expired idea missed is the first it did not reach.
        var expiredAt = expired.GroupBy(i => IdeaJourney.MilestoneStage(Enumerable.Range(0, inputs.Campaign.Milestones + 1)
                .First(m => !i.Reached.ContainsKey(IdeaJourney.MilestoneStage(m)))))
            .Select(g => new ReasonCount(g.Key, g.Count())).OrderBy(r => r.Reason, StringComparer.Ordinal).ToList();
        // A rejection can be undone (approved on appeal, revised, withdrawn): only an idea still rejected has left by it.
        var rejected = cohort.Where(i => i.Status == "Rejected").ToList();
        var reasons = inputs.Campaign.Decisions.Where(d => d.Decision == "Reject" && d.SubjectType == "idea")
            .GroupBy(d => d.SubjectId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.DecidedAt)!.ReasonCode ?? "unknown");
        var rejectedFor = rejected.GroupBy(i => reasons.GetValueOrDefault(i.IdeaId, "unknown"))
            .Select(g => new ReasonCount(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        return new FunnelExits(expired.Count, expiredAt, rejected.Count, rejectedFor,
            cohort.Count(i => i.Reached.ContainsKey("NotSelected")), cohort.Count(i => i.Reached.ContainsKey("Withdrawn")));
    }
}
