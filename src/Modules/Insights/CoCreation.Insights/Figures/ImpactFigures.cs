using CoCreation.Ideation.Contracts;
using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>Impact: the support reached and what the community was paid.</summary>
public static class ImpactFigures
{
    public static Impact Of(InsightInputs inputs, Period period)
    {
        var supporters = inputs.MemberDays(period).Where(d => d.Counts.VotesCast > 0).Select(d => d.Member).Distinct().Count();
        var support = inputs.Ideas.Where(i => IdeaStatuses.IsPublic(i.Status)).Sum(i => i.Supporters);
        var points = inputs.Campaign.PointsByDay.Where(p => period.Contains(p.Key)).Sum(p => p.Value);
        var money = inputs.Campaign.Money.Where(m => period.Contains(m.At))
            .GroupBy(m => (m.Kind, m.Currency)).Select(g => new MoneyTotal(g.Key.Kind, g.Key.Currency, g.Sum(m => m.Amount)))
            .OrderBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.Currency, StringComparer.Ordinal).ToList();
        // What the campaign's pledge raised for its cause in the period (docs/adr/0035), per currency.
        var raised = (inputs.Campaign.Donations ?? []).Where(m => period.Contains(m.At))
            .GroupBy(m => m.Currency).Select(g => new MoneyTotal("donation", g.Key, g.Sum(m => m.Amount)))
            .OrderBy(m => m.Currency, StringComparer.Ordinal).ToList();
        return new Impact(supporters, support, points, money, raised);
    }
}
