using CoCreation.Insights.Activity;

namespace CoCreation.Insights.Figures;

/// <summary>
/// What a campaign's figures are computed from: Insights' read models of the campaign, its ideas, its members'
/// activity, and the same members' activity in other campaigns (for loyalty and new members).
/// </summary>
public sealed record InsightInputs(
    CampaignFacts Campaign, IReadOnlyList<IdeaJourney> Ideas, IReadOnlyList<MemberActivity> Members, IReadOnlyList<MemberActivity> Elsewhere)
{
    /// <summary>Each member's first active day anywhere on the platform.</summary>
    public IReadOnlyDictionary<string, DateOnly> FirstDays() =>
        Members.Concat(Elsewhere)
            .SelectMany(m => m.Days.Where(d => d.Value.Actions > 0).Select(d => (m.MemberId, Day: Period.Day(d.Key))))
            .GroupBy(x => x.MemberId)
            .ToDictionary(g => g.Key, g => g.Min(x => x.Day));

    /// <summary>Every (member, day, counts) of this campaign within the period.</summary>
    public IEnumerable<(string Member, DateOnly Day, DayCounts Counts)> MemberDays(Period period) =>
        Members.SelectMany(m => m.Days.Select(d => (m.MemberId, Day: Period.Day(d.Key), d.Value))).Where(x => period.Contains(x.Day));
}
