using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Ideation.Contracts;
using JasperFx.Events;

namespace CoCreation.Rewards.Donations;

/// <summary>Rewards' copy of a campaign's pledge, from Ideation's message when the campaign opened (docs/adr/0035).</summary>
public sealed record DonationPledgeRecorded(Guid CampaignId,
    [property: NotMemberWritten("the cause the brand names for its pledge, written by staff in their brand role")] string Cause,
    string Per, decimal Amount, string Currency, decimal Cap, DateTimeOffset RecordedAt) : ICampaignScoped
{
    public DonationPledge Pledge() => new(Cause, Per, Amount, Currency, Cap);
}

/// <summary>Reason: "supporter" (SourceId: the member who supported) or "idea" (SourceId: the selected idea).</summary>
public sealed record DonationAccrued(Guid CampaignId, decimal Amount,
    [property: NotMemberWritten("the constant 'supporter' or 'idea'")] string Reason,
    [property: NotMemberWritten("a member id or an idea id, never words")] string SourceId, DateTimeOffset At) : ICampaignScoped;

public sealed record DonationCapReached(Guid CampaignId, decimal Cap, DateTimeOffset At) : ICampaignScoped;

/// <summary>A campaign's donation stream folded: the pledge, the sources counted so far, the total raised.</summary>
public sealed record CampaignDonation(Guid Id, Guid CampaignId, DonationPledge Pledge, List<string> Counted, decimal Raised, int Supporters, int Ideas, bool CapReached)
{
    public static Guid StreamIdFor(Guid campaignId) => StreamIds.Derive("rewards-donation", campaignId);

    public static CampaignDonation Create(IEvent<DonationPledgeRecorded> e) =>
        new(e.StreamId, e.Data.CampaignId, e.Data.Pledge(), [], 0m, 0, 0, false);

    public static CampaignDonation Start(Guid campaignId, DonationPledge pledge) =>
        new(StreamIdFor(campaignId), campaignId, pledge, [], 0m, 0, 0, false);

    public CampaignDonation Apply(DonationAccrued e) => this with
    {
        Counted = [.. Counted, Key(e.Reason, e.SourceId)],
        Raised = Raised + e.Amount,
        Supporters = Supporters + (e.Reason == DonationAccrual.Supporter ? 1 : 0),
        Ideas = Ideas + (e.Reason == DonationAccrual.Idea ? 1 : 0),
    };

    public CampaignDonation Apply(DonationCapReached e) => this with { CapReached = true };

    public CampaignDonation Fold(object e) => e switch
    {
        DonationAccrued a => Apply(a),
        DonationCapReached c => Apply(c),
        _ => this,
    };

    public bool HasCounted(string reason, string sourceId) => Counted.Contains(Key(reason, sourceId));

    public static string Key(string reason, string sourceId) => reason + ":" + sourceId;
}

/// <summary>
/// The pure accrual decision: a source (a distinct supporter, or a selected idea) counts once; the total never goes
/// above the cap, the last accrual is clipped to it, and the cap is reached once. Redelivered or repeated facts decide nothing.
/// </summary>
public static class DonationAccrual
{
    public const string Supporter = "supporter";
    public const string Idea = "idea";

    public static IReadOnlyList<object> Decide(CampaignDonation donation, string reason, string sourceId, DateTimeOffset at)
    {
        var pledge = donation.Pledge;
        var wanted = pledge.Per == "supporter" ? Supporter : Idea;
        if (reason != wanted || donation.CapReached || donation.Raised >= pledge.Cap) return [];
        if (donation.HasCounted(reason, sourceId)) return [];
        var amount = Math.Min(pledge.Amount, pledge.Cap - donation.Raised);
        var events = new List<object> { new DonationAccrued(donation.CampaignId, amount, reason, sourceId, at) };
        if (donation.Raised + amount >= pledge.Cap) events.Add(new DonationCapReached(donation.CampaignId, pledge.Cap, at));
        return events;
    }
}

/// <summary>Supporters for a per-supporter pledge, Ideas for a per-selected-idea one (the other is null).</summary>
public sealed record DonationResponse(string Cause, string Per, decimal Amount, string Currency, decimal Cap, decimal Raised,
    int? Supporters, int? Ideas, bool CapReached)
{
    public static DonationResponse Of(CampaignDonation d) => new(d.Pledge.Cause, d.Pledge.Per, d.Pledge.Amount, d.Pledge.Currency, d.Pledge.Cap,
        d.Raised, d.Pledge.Per == "supporter" ? d.Supporters : null, d.Pledge.Per == "supporter" ? null : d.Ideas, d.CapReached);
}
