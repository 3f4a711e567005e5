namespace CoCreation.Rewards.Ledgers.Badges;

/// <summary>Milestones of participation, earned once per member, decided from the ledger after a grant.</summary>
public static class BadgeRules
{
    public const string FirstVote = "first-vote";
    public const string HundredVotes = "100-votes-cast";
    public const string FirstIdeaPublished = "first-idea-published";
    public const string FirstMilestone = "first-milestone-reached";
    public const string FirstIdeaSelected = "first-idea-selected";

    public static IReadOnlyList<BadgeAwarded> EarnedBy(Ledger after, PointsGranted grant)
    {
        var earned = new List<string>();
        var casts = after.Entries.Count(e => e.Reason == "vote-cast");
        if (grant.Reason == "vote-cast" && casts >= 1) earned.Add(FirstVote);
        if (grant.Reason == "vote-cast" && casts >= 100) earned.Add(HundredVotes);
        if (grant.Reason == "idea-published") earned.Add(FirstIdeaPublished);
        if (grant.Reason.StartsWith("milestone-", StringComparison.Ordinal)) earned.Add(FirstMilestone);
        if (grant.Reason == "idea-selected") earned.Add(FirstIdeaSelected);
        return earned.Where(b => !after.HasBadge(b))
            .Select(b => new BadgeAwarded(after.Id, after.MemberId, grant.CampaignId, b, $"badge:{b}", grant.GrantedAt)).ToList();
    }
}
