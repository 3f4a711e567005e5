using System.Globalization;
using CoCreation.Insights.Contracts;
using CsvHelper;

namespace CoCreation.Insights.Reports;

/// <summary>Each table of a campaign's report as CSV (RFC 4180, invariant culture), for a spreadsheet.</summary>
public static class InsightTables
{
    public static readonly IReadOnlyList<string> Names = ["daily", "weekly", "funnel", "exits", "retention", "moderation", "concentration", "impact", "tags", "terms", "similar"];

    /// <summary>The table as CSV, or null for a name that is no table.</summary>
    public static string? Table(CampaignInsights r, string table) => table switch
    {
        "daily" => Csv(r.Daily.Select(PeriodRow.Of)),
        "weekly" => Csv(r.Weekly.Select(PeriodRow.Of)),
        "funnel" => Csv(r.Funnel.Select(s => new FunnelRow(s.Stage, s.Count, s.Conversion, s.MedianDaysFromPrevious))),
        "exits" => Csv(Exits(r.Exits)),
        "retention" => Csv(r.Loyalty.Retention.Select(w => new RetentionRow(w.Week, w.ActiveWeekBefore, w.Retained, w.Rate))),
        "moderation" => Csv(Moderation(r.Moderation)),
        "concentration" => Csv([new ConcentrationRow(r.Concentration.Members, r.Concentration.IdeasFromTop1Percent, r.Concentration.IdeasFromTop10Percent,
            r.Concentration.VotesFromTop1Percent, r.Concentration.VotesFromTop10Percent, r.Concentration.ActivityGini)]),
        "impact" => Csv(Impact(r.Impact)),
        "tags" => Csv(r.Themes.Tags.Select(t => new TermRow(t.Term, t.Count))),
        "terms" => Csv(r.Themes.Terms.Select(t => new TermRow(t.Term, t.Count))),
        "similar" => Csv(r.Themes.Groups.SelectMany((g, i) => g.Ideas.Select(idea => new SimilarRow(i + 1, idea.IdeaId, idea.Title, string.Join(' ', g.SharedTerms))))),
        _ => null
    };

    private static IEnumerable<ExitRow> Exits(FunnelExits e) =>
    [
        new("Expired", "", e.Expired), .. e.ExpiredAt.Select(x => new ExitRow("Expired", x.Reason, x.Count)),
        new("Rejected", "", e.Rejected), .. e.RejectedFor.Select(x => new ExitRow("Rejected", x.Reason, x.Count)),
        new("NotSelected", "", e.NotSelected), new("Withdrawn", "", e.Withdrawn)
    ];

    private static IEnumerable<FigureRow> Moderation(ModerationHealth m) =>
    [
        new("decisions", m.Decisions), new("queueWaitP50Seconds", m.QueueWaitP50Seconds), new("queueWaitP95Seconds", m.QueueWaitP95Seconds),
        new("flags", m.Flags), new("flagsPer100Ideas", m.FlagsPer100Ideas), new("appealsFiled", m.Appeals.Filed), new("appealsUpheld", m.Appeals.Upheld),
        new("appealsOverturned", m.Appeals.Overturned), new("appealsPending", m.Appeals.Pending),
        .. m.ByDecision.Select(d => new FigureRow($"decision:{d.Reason}", d.Count)),
        .. m.ByReason.Select(d => new FigureRow($"reason:{d.Reason}", d.Count))
    ];

    private static IEnumerable<ImpactRow> Impact(Contracts.Impact i) =>
    [
        new("supportersReached", "", i.SupportersReached), new("support", "", i.Support), new("points", "", i.PointsGranted),
        .. i.Rewards.Select(m => new ImpactRow(m.Kind, m.Currency, m.Amount)),
        .. i.FundsRaised.Select(m => new ImpactRow($"funds:{m.Kind}", m.Currency, m.Amount))
    ];

    /// <summary>A header and one record per row; a text a spreadsheet would read as a formula (an idea's title "=1+1") is escaped.</summary>
    public static string Csv<T>(IEnumerable<T> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
            csv.WriteRecords(rows);
        return text.ToString();
    }
}

[CsvRecord]
public sealed partial record PeriodRow(string Period, string Start, int IdeasSubmitted, int IdeasPublished, int Comments, int VotesCast, int VotesRetracted,
    int Flags, int ActiveMembers, int NewMembers)
{
    public static PeriodRow Of(EngagementPoint p) => new(p.Period, p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.IdeasSubmitted, p.IdeasPublished,
        p.Comments, p.VotesCast, p.VotesRetracted, p.Flags, p.ActiveMembers, p.NewMembers);
}

[CsvRecord] public sealed partial record FunnelRow(string Stage, int Count, double? Conversion, double? MedianDaysFromPrevious);
[CsvRecord] public sealed partial record ExitRow(string Exit, string Reason, int Count);
[CsvRecord] public sealed partial record RetentionRow(string Week, int ActiveWeekBefore, int Retained, double Rate);
[CsvRecord] public sealed partial record FigureRow(string Figure, double? Value);
[CsvRecord] public sealed partial record ConcentrationRow(int Members, double IdeasFromTop1Percent, double IdeasFromTop10Percent, double VotesFromTop1Percent, double VotesFromTop10Percent, double ActivityGini);
[CsvRecord] public sealed partial record ImpactRow(string Kind, string Currency, decimal Amount);
[CsvRecord] public sealed partial record TermRow(string Term, int Count);
[CsvRecord] public sealed partial record SimilarRow(int Group, Guid IdeaId, string Title, string SharedTerms);
