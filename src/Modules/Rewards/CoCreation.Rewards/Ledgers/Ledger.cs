using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.Rewards.Ledgers;

/// <summary>
/// Points credited (or, negative, reversed) to a member. <see cref="CauseId"/> names the message or event that
/// caused it; a ledger holds each cause at most once, which is what makes redelivery and replay pay once.
/// </summary>
public sealed record PointsGranted(
    Guid LedgerId, string MemberId, Guid CampaignId, int Points, string Reason, string CauseId, DateTimeOffset GrantedAt) : ICampaignScoped;

public sealed record LedgerEntry(Guid CampaignId, int Points, string Reason, string CauseId, DateTimeOffset At);

/// <summary>A member's ledger, one stream per member, kept as an inline snapshot.</summary>
public sealed record Ledger(Guid Id, string MemberId, int Points, IReadOnlyList<LedgerEntry> Entries)
{
    public static Guid StreamIdFor(string memberId) => StreamIds.Derive("rewards-ledger", memberId);

    public bool Holds(string causeId) => Entries.Any(e => e.CauseId == causeId);

    public static Ledger Create(PointsGranted e) => new(e.LedgerId, e.MemberId, e.Points, [Entry(e)]);

    public Ledger Apply(PointsGranted e) => this with { Points = Points + e.Points, Entries = [.. Entries, Entry(e)] };

    private static LedgerEntry Entry(PointsGranted e) => new(e.CampaignId, e.Points, e.Reason, e.CauseId, e.GrantedAt);
}
