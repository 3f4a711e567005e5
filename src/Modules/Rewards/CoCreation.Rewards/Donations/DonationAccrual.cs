namespace CoCreation.Rewards.Donations;

/// <summary>Rewards' copy of a campaign's pledge (docs/adr/0035). Per: "supporter" or "selectedIdea".</summary>
public sealed record DonationPledge(string Cause, string Per, decimal Amount, string Currency, decimal Cap);

/// <summary>Reason: "supporter" (SourceId: the member's subject) or "idea" (SourceId: the selected idea).</summary>
public sealed record DonationAccrued(Guid CampaignId, decimal Amount, string Reason, string SourceId, DateTimeOffset At);

public sealed record DonationCapReached(Guid CampaignId, decimal Cap, DateTimeOffset At);

/// <summary>What the accruals so far decide: the sources already counted, the total raised, whether the cap was reached.</summary>
public sealed record DonationTally(IReadOnlySet<string> Counted, decimal Raised, bool CapReached)
{
    public static readonly DonationTally Empty = new(new HashSet<string>(), 0m, false);

    public DonationTally Apply(object e) => e switch
    {
        DonationAccrued a => this with { Counted = new HashSet<string>(Counted) { Key(a.Reason, a.SourceId) }, Raised = Raised + a.Amount },
        DonationCapReached => this with { CapReached = true },
        _ => this,
    };

    public static string Key(string reason, string sourceId) => reason + ":" + sourceId;
}

/// <summary>
/// The pure accrual decision: a source (a distinct supporter, or a selected idea) counts once; the total never goes
/// above the cap, the last accrual is clipped to it, and the cap is reached once. Redelivered or repeated facts give no events.
/// </summary>
public static class DonationAccrual
{
    public const string Supporter = "supporter";
    public const string Idea = "idea";

    public static IReadOnlyList<object> Decide(DonationPledge pledge, DonationTally tally, Guid campaignId, string reason, string sourceId, DateTimeOffset at)
    {
        var wanted = pledge.Per == "supporter" ? Supporter : Idea;
        if (reason != wanted || tally.CapReached || tally.Raised >= pledge.Cap) return [];
        if (tally.Counted.Contains(DonationTally.Key(reason, sourceId))) return [];
        var amount = Math.Min(pledge.Amount, pledge.Cap - tally.Raised);
        var events = new List<object> { new DonationAccrued(campaignId, amount, reason, sourceId, at) };
        if (tally.Raised + amount >= pledge.Cap) events.Add(new DonationCapReached(campaignId, pledge.Cap, at));
        return events;
    }
}
