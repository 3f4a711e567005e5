using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CoCreation.Ideation.Ideas.GettingTimeline;

/// <summary>
/// The timeline's notes as the page says them: the platform's own notes in the reader's language; what members and
/// brands wrote (a decision's note, a progress note) as they wrote it.
/// </summary>
public static partial class TimelineNoteText
{
    [GeneratedRegex(@"^Revision (\d+) submitted for moderation\.$")] private static partial Regex Revision();
    [GeneratedRegex(@"^(.+) joined as co-author\.$")] private static partial Regex Joined();
    [GeneratedRegex(@"^Milestone (\d+) reached with (\d+) supporters\.$")] private static partial Regex Reached();
    [GeneratedRegex(@"^In review round (\d+): the brand publishes the round's results together when it closes\.$")] private static partial Regex InRound();
    [GeneratedRegex(@"^Review round (\d+) result: (.*)$", RegexOptions.Singleline)] private static partial Regex RoundResultWithNote();
    [GeneratedRegex(@"^Review round (\d+) result\.$")] private static partial Regex RoundResult();
    [GeneratedRegex(@"^Milestone (\d+) not reached by (\d{4}-\d{2}-\d{2}) \((\d+) supporters\)\.$")] private static partial Regex Missed();

    public static string Of(string? note, IStringLocalizer L)
    {
        switch (note)
        {
            case null: return "";
            case "Submitted for moderation.": return L["Submitted for moderation."];
            case "Approved by moderation and open for support.": return L["Approved by moderation and open for support."];
            case "A moderator cleared one reason; others keep it hidden.": return L["A moderator cleared one reason; others keep it hidden."];
            case "A moderator cleared it: public again.": return L["A moderator cleared it: public again."];
            case "Withdrawn by the author.": return L["Withdrawn by the author."];
            case "All milestones reached: the brand reviews it.": return L["All milestones reached: the brand reviews it."];
            case IdeaTimelineProjection.MergedNote: return L[IdeaTimelineProjection.MergedNote];
            case IdeaTimelineProjection.ReceivedNote: return L[IdeaTimelineProjection.ReceivedNote];
            case IdeaTimelineProjection.UnmergedNote: return L[IdeaTimelineProjection.UnmergedNote];
            case IdeaTimelineProjection.UndoneNote: return L[IdeaTimelineProjection.UndoneNote];
        }
        if (Revision().Match(note) is { Success: true } r) return L["Revision {0} submitted for moderation.", r.Groups[1].Value];
        if (Reached().Match(note) is { Success: true } m) return L["Milestone {0} reached with {1} supporters.", m.Groups[1].Value, Number(m.Groups[2].Value)];
        if (Missed().Match(note) is { Success: true } x)
            return L["Milestone {0} not reached by {1} ({2} supporters).", x.Groups[1].Value,
                BuildingBlocks.Ui.Languages.Day(DateTimeOffset.Parse(x.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), Number(x.Groups[3].Value)];
        if (InRound().Match(note) is { Success: true } i) return L["In review round {0}: the brand publishes the round's results together when it closes.", i.Groups[1].Value];
        if (RoundResultWithNote().Match(note) is { Success: true } w) return L["Review round {0} result: {1}", w.Groups[1].Value, w.Groups[2].Value];
        if (RoundResult().Match(note) is { Success: true } o) return L["Review round {0} result.", o.Groups[1].Value];
        if (Joined().Match(note) is { Success: true } j) return L["{0} joined as co-author.", j.Groups[1].Value];
        return note;
    }

    private static string Number(string digits) =>
        long.TryParse(digits, out var n) ? n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) : digits;
}
