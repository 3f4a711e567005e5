using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CoCreation.Ideation.Campaigns.GettingDetails;

/// <summary>What an open campaign's phases leave, in words: "Submissions close in 3 d 4 h."</summary>
public static class CampaignCountdown
{
    public static IReadOnlyList<string> Of(CampaignDetails campaign, DateTimeOffset now, IStringLocalizer L)
    {
        if (campaign.Status != CampaignStatus.Open || campaign.Rules.Phases is not { } phases) return [];
        var lines = new List<string>();
        if (phases.SubmissionsUntil is { } submissions)
            lines.Add(submissions > now ? L["Submissions close in {0}.", Left(submissions - now, L)] : L["Submissions are closed."]);
        if (phases.VotingUntil is { } voting)
            lines.Add(voting > now ? L["Voting closes in {0}.", Left(voting - now, L)] : L["Voting is closed."]);
        return lines;
    }

    /// <summary>The two largest units left: days and hours, hours and minutes, or minutes.</summary>
    public static string Left(TimeSpan left, IStringLocalizer L)
    {
        string N(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
        if (left.TotalDays >= 1) return L["{0} d {1} h", N((int)left.TotalDays), N(left.Hours)];
        if (left.TotalHours >= 1) return L["{0} h {1} min", N((int)left.TotalHours), N(left.Minutes)];
        return L["{0} min", N(Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)))];
    }
}
