namespace CoCreation.Ideation.Campaigns.GettingDetails;

/// <summary>A campaign's rules as the campaign page says them to its members.</summary>
public static class CampaignRulesInWords
{
    public static IReadOnlyList<string> Of(CampaignRules rules)
    {
        var lines = new List<string>
        {
            rules.Voting.Mode == "rating" ? "Members rate ideas from 0 to 5." : "Members support the ideas they like, once each.",
            rules.Voting.BudgetPerMember is { } budget ? $"Each member has {budget} votes in this campaign; retracting one gives it back." : "Members may support as many ideas as they like."
        };
        var from = "publication";
        foreach (var milestone in rules.Milestones)
        {
            lines.Add($"Reach {milestone.Supporters:N0} supporters within {milestone.WithinDays} days of {from}.");
            from = $"reaching {milestone.Supporters:N0}";
        }
        lines.Add("An idea that reaches the last milestone goes to the brand's review; one that misses a window expires.");
        var r = rules.Rewards;
        lines.Add($"Points: {r.PointsForPublishedIdea} for a published idea, {r.PointsForVote} per vote cast, {r.PointsForMilestone} per milestone, {r.PointsForSelection} on selection.");
        if (r.Prize is { } prize) lines.Add($"A selected idea's contributors share a prize of {prize.Amount:N2} {prize.Currency}.");
        if (r.RoyaltyPercent is { } royalty) lines.Add($"They also share {royalty}% of the net sales of the product made from it.");
        return lines;
    }
}
