using System.Globalization;

namespace CoCreation.Voting.Ballots.GettingSupporters;

/// <summary>
/// Where the support chart puts things, in its viewBox's units: days from the opening day to the last day shown
/// (today, or the next milestone's deadline while voting is open) across, supporters from 0 to the next milestone up.
/// </summary>
public sealed class ChartScale
{
    public const int Width = 400, Height = 240, Left = 56, Right = 10, Top = 22, Bottom = 40;

    public ChartScale(SupportCurve curve, Ballot ballot, DateOnly today)
    {
        First = SupportCurve.DayOf(curve.OpenedAt);
        var last = curve.Days.Count > 0 && curve.Days[^1].Day > today ? curve.Days[^1].Day : today;
        if (ballot.Status == BallotStatus.Open && curve.NextRung?.Deadline is { } deadline && SupportCurve.DayOf(deadline) > last)
            last = SupportCurve.DayOf(deadline);
        Last = last > First ? last : First.AddDays(1);
        Today = today < Last ? today : Last;
        var goal = (curve.NextRung ?? curve.Ladder.LastOrDefault())?.Supporters ?? 0;
        MaxSupporters = Math.Max(1, Math.Max(goal, curve.Days.Count == 0 ? 0 : curve.Days.Max(d => d.Supporters)));
        Shown = curve.Ladder.Where(r => r.Supporters <= MaxSupporters).ToList();
        Beyond = curve.Ladder.Where(r => r.Supporters > MaxSupporters).ToList();
    }

    public DateOnly First { get; }
    public DateOnly Last { get; }
    public DateOnly Today { get; }
    /// <summary>The supporters at the top of the chart.</summary>
    public int MaxSupporters { get; }
    /// <summary>The milestones drawn (up to the next one); those above it are named under the chart.</summary>
    public IReadOnlyList<LadderRung> Shown { get; }
    public IReadOnlyList<LadderRung> Beyond { get; }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public double X(DateOnly day) => Left + (double)(Math.Clamp(day.DayNumber, First.DayNumber, Last.DayNumber) - First.DayNumber) / (Last.DayNumber - First.DayNumber) * (Width - Left - Right);

    public double Y(int supporters) => Top + (1 - (double)Math.Clamp(supporters, 0, MaxSupporters) / MaxSupporters) * (Height - Top - Bottom);

    public bool Within(DateOnly day) => day >= First && day <= Last;

    /// <summary>The curve as a step line: flat between the days it changed, up or down on the day it did, on to today.</summary>
    public string StepPath(SupportCurve curve)
    {
        var path = new System.Text.StringBuilder($"M{N(X(First))} {N(Y(0))}");
        foreach (var day in curve.Days.Where(d => d.Day <= Last))
            path.Append($" H{N(X(day.Day))} V{N(Y(day.Supporters))}");
        path.Append($" H{N(X(Today))}");
        return path.ToString();
    }
}
