using System.Globalization;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Insights.Activity;
using CoCreation.Insights.Contracts;
using CoCreation.Insights.Figures;
using CoCreation.Insights.Observing;
using Marten;

namespace CoCreation.Insights.Reports;

/// <summary>
/// Loads Insights' read models for a report and says who may read it: a campaign's figures are for its brand,
/// legal and admins (others are not told it exists); the platform's for admins. Insights knows only opened
/// campaigns, so a draft has no figures.
/// </summary>
public sealed class InsightsReader(IQuerySession session)
{
    public async Task<CampaignInsights> Campaign(Guid campaignId, Period period, Viewer viewer, CancellationToken token) =>
        CampaignFigures.Of(await Inputs(campaignId, viewer, token), period);

    public async Task<InsightInputs> Inputs(Guid campaignId, Viewer viewer, CancellationToken token)
    {
        var campaign = await session.LoadAsync<CampaignFacts>(InsightStreams.Campaign(campaignId), token);
        if (campaign?.OpenedAt is null) throw new NotFound("campaign", campaignId);
        if (!viewer.Is(Roles.Admin) && !viewer.Is(Roles.Legal))
            CampaignAccess.EnsureRunBy(campaign.Organisation, viewer.Is(Roles.Brand) ? viewer.Organisation : null, "campaign", campaignId);
        var ideas = await session.Query<IdeaJourney>().Where(i => i.CampaignId == campaignId).ToListAsync(token);
        var members = await session.Query<MemberActivity>().Where(m => m.CampaignId == campaignId).ToListAsync(token);
        var ids = members.Select(m => m.MemberId).ToArray();
        var elsewhere = ids.Length == 0 ? [] : await session.Query<MemberActivity>()
            .Where(m => m.CampaignId != campaignId && m.MemberId.IsOneOf(ids)).ToListAsync(token);
        return new InsightInputs(campaign, ideas, members, elsewhere);
    }

    public async Task<PlatformInsights> Platform(Period period, Viewer viewer, CancellationToken token)
    {
        if (!viewer.Is(Roles.Admin)) throw new Forbidden("admins-only", "Only admins read the platform's figures.");
        var campaigns = (await session.Query<CampaignFacts>().ToListAsync(token)).Where(c => c.OpenedAt is not null).ToList();
        var ideas = (await session.Query<IdeaJourney>().ToListAsync(token)).ToLookup(i => i.CampaignId);
        var members = (await session.Query<MemberActivity>().ToListAsync(token)).ToLookup(m => m.CampaignId);
        var headlines = new List<CampaignHeadline>();
        foreach (var c in campaigns.OrderBy(c => c.OpenedAt))
        {
            var e = EngagementFigures.Of(new InsightInputs(c, [.. ideas[c.CampaignId]], [.. members[c.CampaignId]], []), period);
            headlines.Add(new CampaignHeadline(c.CampaignId, c.Title, c.Organisation, e.IdeasSubmitted, e.IdeasPublished, e.VotesCast, e.ActiveMembers));
        }
        // The platform as one campaign: every idea and every member-day together, a member counted once.
        var all = new InsightInputs(new CampaignFacts(), [.. ideas.SelectMany(g => g)],
            [.. members.SelectMany(g => g).GroupBy(m => m.MemberId).Select(Merged)], []);
        return new PlatformInsights(campaigns.Count, EngagementFigures.Of(all, period), ConcentrationFigures.Of(all, period), headlines);
    }

    private static MemberActivity Merged(IGrouping<string, MemberActivity> member)
    {
        var merged = new MemberActivity { Id = member.Key, MemberId = member.Key };
        foreach (var (day, counts) in member.SelectMany(m => m.Days))
        {
            (merged.Days.TryGetValue(day, out var into) ? into : merged.Days[day] = new DayCounts()).Add(counts);
        }
        return merged;
    }

    /// <summary>?from=&amp;to= as UTC days (2026-11-01) or instants (2026-11-01T12:00:00Z, their UTC day), both included.</summary>
    public static Period PeriodOf(string? from, string? to)
    {
        var v = new Validation();
        var start = Day(from, "from", v);
        var end = Day(to, "to", v);
        v.Require(start is null || end is null || start <= end, "to", "'to' must not be before 'from'.");
        v.ThrowIfInvalid();
        return new Period(start, end);
    }

    private static DateOnly? Day(string? value, string field, Validation v)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return DateOnly.FromDateTime(at.UtcDateTime);
        v.Add(field, $"'{field}' must be a date (2026-11-01) or a date and time (2026-11-01T12:00:00Z).");
        return null;
    }
}
