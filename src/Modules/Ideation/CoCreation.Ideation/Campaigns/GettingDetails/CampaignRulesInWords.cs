using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CoCreation.Ideation.Campaigns.GettingDetails;

/// <summary>A campaign's rules as the campaign page says them to its members, in the reader's language.</summary>
public static class CampaignRulesInWords
{
    public static IReadOnlyList<string> Of(CampaignRules rules, IStringLocalizer L)
    {
        var lines = new List<string>
        {
            rules.Voting.Mode == "rating" ? L["Members rate ideas from 0 to 5."] : L["Members support the ideas they like, once each."],
            rules.Voting.BudgetPerMember is { } budget
                ? L["Each member has {0} votes in this campaign; retracting one gives it back.", N(budget)]
                : L["Members may support as many ideas as they like."]
        };
        if (rules.Voting.HideTalliesUntilVoted)
            lines.Add(L["Supporter counts are shown to a member once they support the idea, and to everyone when voting ends."]);
        for (var i = 0; i < rules.Milestones.Count; i++)
        {
            var milestone = rules.Milestones[i];
            lines.Add(i == 0
                ? L["Reach {0} supporters within {1} days of publication.", N(milestone.Supporters), N(milestone.WithinDays)]
                : L["Reach {0} supporters within {1} days of reaching {2}.", N(milestone.Supporters), N(milestone.WithinDays), N(rules.Milestones[i - 1].Supporters)]);
        }
        lines.Add(L["An idea that reaches the last milestone goes to the brand's review; one that misses a window expires."]);
        if (rules.UsesReviewRounds())
            lines.Add(L["The brand reviews in rounds: an idea that reaches the last milestone waits for the next round, and each round's results are published together."]);
        if (rules.Submissions?.PerMember is { } cap)
            lines.Add(cap == 1 ? L["Each member may submit one idea; a withdrawn idea still counts."] : L["Each member may submit up to {0} ideas; withdrawn ideas still count.", N(cap)]);
        var files = rules.AttachmentsInForce();
        lines.Add(files.MaxFiles == 0
            ? L["Ideas are words only: this campaign takes no images or files."]
            : L["An idea may carry up to {0} images or files (PNG, JPEG, WebP, PDF, STL, 3MF), {1} MiB each; images are re-encoded without their metadata.", N(files.MaxFiles), N(files.MaxFileMegabytes)]);
        if (rules.Phases?.SubmissionsUntil is { } submissions) lines.Add(L["Ideas are taken until {0} (UTC).", When(submissions)]);
        if (rules.Phases?.VotingUntil is { } voting) lines.Add(L["Votes are taken until {0} (UTC).", When(voting)]);
        var r = rules.Rewards;
        lines.Add(L["Points: {0} for a published idea, {1} per vote cast, {2} per milestone, {3} on selection.",
            N(r.PointsForPublishedIdea), N(r.PointsForVote), N(r.PointsForMilestone), N(r.PointsForSelection)]);
        if (r.PointsForReferral > 0) lines.Add(L["Sharing pays: {0} points for each supporter who comes through your share link and supports.", N(r.PointsForReferral)]);
        if (r.Prize is { } prize) lines.Add(L["A selected idea's contributors share a prize of {0} {1}.", prize.Amount.ToString("N2", CultureInfo.CurrentCulture), prize.Currency]);
        if (r.RoyaltyPercent is { } royalty) lines.Add(L["They also share {0}% of the net sales of the product made from it.", royalty.ToString("0.##", CultureInfo.CurrentCulture)]);
        return lines;
    }

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("f", CultureInfo.CurrentCulture);

    private static string N(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
}
