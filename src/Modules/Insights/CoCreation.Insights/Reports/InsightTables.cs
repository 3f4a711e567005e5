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
        "daily" => Csv(r.Daily),
        "weekly" => Csv(r.Weekly),
        "funnel" => Csv(r.Funnel),
        "exits" => Csv(new[] { new { Exit = "Expired", r.Exits.Expired } }.Select(x => new { x.Exit, Reason = "", Count = x.Expired })
            .Concat(r.Exits.ExpiredAt.Select(e => new { Exit = "Expired", e.Reason, e.Count }))
            .Concat([new { Exit = "Rejected", Reason = "", Count = r.Exits.Rejected }])
            .Concat(r.Exits.RejectedFor.Select(e => new { Exit = "Rejected", e.Reason, e.Count }))
            .Concat([new { Exit = "NotSelected", Reason = "", Count = r.Exits.NotSelected }, new { Exit = "Withdrawn", Reason = "", Count = r.Exits.Withdrawn }])),
        "retention" => Csv(r.Loyalty.Retention),
        "moderation" => Csv(new[] { new { Figure = "decisions", Value = (double?)r.Moderation.Decisions }, new { Figure = "queueWaitP50Seconds", Value = r.Moderation.QueueWaitP50Seconds },
                new { Figure = "queueWaitP95Seconds", Value = r.Moderation.QueueWaitP95Seconds }, new { Figure = "flags", Value = (double?)r.Moderation.Flags },
                new { Figure = "flagsPer100Ideas", Value = r.Moderation.FlagsPer100Ideas }, new { Figure = "appealsFiled", Value = (double?)r.Moderation.Appeals.Filed },
                new { Figure = "appealsUpheld", Value = (double?)r.Moderation.Appeals.Upheld }, new { Figure = "appealsOverturned", Value = (double?)r.Moderation.Appeals.Overturned },
                new { Figure = "appealsPending", Value = (double?)r.Moderation.Appeals.Pending } }
            .Concat(r.Moderation.ByDecision.Select(d => new { Figure = $"decision:{d.Reason}", Value = (double?)d.Count }))
            .Concat(r.Moderation.ByReason.Select(d => new { Figure = $"reason:{d.Reason}", Value = (double?)d.Count }))),
        "concentration" => Csv([r.Concentration]),
        "impact" => Csv(new[] { new { Kind = "supportersReached", Currency = "", Amount = (decimal)r.Impact.SupportersReached },
                new { Kind = "support", Currency = "", Amount = (decimal)r.Impact.Support }, new { Kind = "points", Currency = "", Amount = (decimal)r.Impact.PointsGranted } }
            .Concat(r.Impact.Rewards.Select(m => new { m.Kind, m.Currency, m.Amount }))
            .Concat(r.Impact.FundsRaised.Select(m => new { Kind = $"funds:{m.Kind}", m.Currency, m.Amount }))),
        "tags" => Csv(r.Themes.Tags),
        "terms" => Csv(r.Themes.Terms),
        "similar" => Csv(r.Themes.Groups.SelectMany((g, i) => g.Ideas.Select(idea => new { Group = i + 1, idea.IdeaId, idea.Title, SharedTerms = string.Join(' ', g.SharedTerms) }))),
        _ => null
    };

    /// <summary>A header and one record per row; a text a spreadsheet would read as a formula (an idea's title "=1+1") is escaped.</summary>
    public static string Csv<T>(IEnumerable<T> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
            csv.WriteRecords(rows);
        return text.ToString();
    }
}
