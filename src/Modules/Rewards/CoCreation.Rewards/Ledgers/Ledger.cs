using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.Rewards.Ledgers;

/// <summary>
/// Points credited (or, negative, reversed) to a member. <see cref="CauseId"/> names the message or event that
/// caused it; a ledger holds each cause at most once, which is what makes redelivery and replay pay once.
/// </summary>
public sealed record PointsGranted(
    Guid LedgerId, string MemberId, Guid CampaignId, int Points, [NotMemberWritten("set by the platform (a code or a generated text), not written by a member")] string Reason, string CauseId, DateTimeOffset GrantedAt) : ICampaignScoped;

/// <summary>Money owed to a member: their share of a prize or of a sales period's royalty. Kind: prize or royalty.</summary>
public sealed record MoneyCredited(
    Guid LedgerId, string MemberId, Guid CampaignId, Guid IdeaId, string Kind, decimal Amount, string Currency, decimal SharePercent,
    string CauseId, string? Period, DateTimeOffset CreditedAt) : ICampaignScoped;

/// <summary>A milestone of participation (first idea published, 100 votes cast...), once per member.</summary>
public sealed record BadgeAwarded(Guid LedgerId, string MemberId, Guid CampaignId, string Badge, string CauseId, DateTimeOffset AwardedAt) : ICampaignScoped;

public sealed record LedgerEntry(Guid CampaignId, int Points, string Reason, string CauseId, DateTimeOffset At);

public sealed record Payout(Guid CampaignId, Guid IdeaId, string Kind, decimal Amount, string Currency, decimal SharePercent, string? Period, string CauseId, DateTimeOffset At);

public sealed record Badge(string Name, string CauseId, DateTimeOffset At);

/// <summary>A member's ledger, one stream per member, kept as an inline snapshot.</summary>
public sealed record Ledger(
    Guid Id, string MemberId, int Points, IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<Payout>? Payouts = null, IReadOnlyList<Badge>? Badges = null)
{
    public static Guid StreamIdFor(string memberId) => StreamIds.Derive("rewards-ledger", memberId);

    public static Ledger Empty(string memberId) => new(StreamIdFor(memberId), memberId, 0, []);

    public bool Holds(string causeId) =>
        Entries.Any(e => e.CauseId == causeId) || Payouts?.Any(p => p.CauseId == causeId) == true || Badges?.Any(b => b.CauseId == causeId) == true;

    public bool HasBadge(string name) => Badges?.Any(b => b.Name == name) == true;

    /// <summary>Money owed per currency.</summary>
    public IReadOnlyDictionary<string, decimal> Money =>
        (Payouts ?? []).GroupBy(p => p.Currency).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));

    public static Ledger Create(PointsGranted e) => Empty(e.MemberId).Apply(e);

    public static Ledger Create(MoneyCredited e) => Empty(e.MemberId).Apply(e);

    public static Ledger Create(BadgeAwarded e) => Empty(e.MemberId).Apply(e);

    public Ledger Apply(PointsGranted e) => this with { Points = Points + e.Points, Entries = [.. Entries, new(e.CampaignId, e.Points, e.Reason, e.CauseId, e.GrantedAt)] };

    public Ledger Apply(MoneyCredited e) => this with
    {
        Payouts = [.. Payouts ?? [], new(e.CampaignId, e.IdeaId, e.Kind, e.Amount, e.Currency, e.SharePercent, e.Period, e.CauseId, e.CreditedAt)]
    };

    public Ledger Apply(BadgeAwarded e) => this with { Badges = [.. Badges ?? [], new(e.Badge, e.CauseId, e.AwardedAt)] };

    public Ledger With(object e) => e switch
    {
        PointsGranted p => Apply(p),
        MoneyCredited m => Apply(m),
        BadgeAwarded b => Apply(b),
        _ => this
    };
}
