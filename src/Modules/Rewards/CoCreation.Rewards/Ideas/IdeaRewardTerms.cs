using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.IntellectualProperty.Contracts;

namespace CoCreation.Rewards.Ideas;

/// <summary>The ownership split in force, as IntellectualProperty reported it (Version orders the reports).</summary>
public sealed record IdeaOwnershipNoted(Guid TermsId, Guid IdeaId, Guid CampaignId, IReadOnlyList<OwnershipShare> Shares, string Basis, long Version, DateTimeOffset NotedAt) : ICampaignScoped;

public sealed record IdeaSelectionNoted(Guid TermsId, Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Authors, DateTimeOffset SelectedAt) : ICampaignScoped;

/// <summary>The brand reported a sales period: the royalty and how it was split. One report per idea and period.</summary>
public sealed record SalesReported(
    Guid TermsId, Guid IdeaId, Guid CampaignId, string Period, decimal NetSales, string Currency, decimal RoyaltyPercent, decimal Royalty,
    IReadOnlyList<MoneyPart> Parts, string ReportedBy, DateTimeOffset ReportedAt) : ICampaignScoped;

public sealed record MoneyPart(string UserId, decimal SharePercent, decimal Amount);

/// <summary>The prize was paid, in these parts: it is paid once per idea, whatever split arrives later.</summary>
public sealed record PrizePaid(Guid TermsId, Guid IdeaId, Guid CampaignId, decimal Amount, string Currency, IReadOnlyList<MoneyPart> Parts, DateTimeOffset PaidAt) : ICampaignScoped;

/// <summary>What Rewards knows of an idea to pay for it: who owns which share, whether it was selected, which periods were reported.</summary>
public sealed record IdeaRewardTerms(
    Guid Id, Guid IdeaId, Guid CampaignId, IReadOnlyList<OwnershipShare> Shares, string Basis, long OwnershipVersion,
    bool Selected, IReadOnlyList<string> AuthorsAtSelection, IReadOnlyList<string> Periods, IReadOnlyList<SalesReported>? Reports = null,
    bool PrizePaid = false)
{
    public static Guid StreamIdFor(Guid ideaId) => StreamIds.Derive("rewards-idea", ideaId);

    public static IdeaRewardTerms Create(IdeaOwnershipNoted e) => new(e.TermsId, e.IdeaId, e.CampaignId, e.Shares, e.Basis, e.Version, false, [], []);

    public static IdeaRewardTerms Create(IdeaSelectionNoted e) =>
        new(e.TermsId, e.IdeaId, e.CampaignId, [], OwnershipBases.Equal, 0, true, e.Authors, []);

    public IdeaRewardTerms Apply(IdeaOwnershipNoted e) => this with { Shares = e.Shares, Basis = e.Basis, OwnershipVersion = e.Version };

    public IdeaRewardTerms Apply(IdeaSelectionNoted e) => this with { Selected = true, AuthorsAtSelection = e.Authors };

    public IdeaRewardTerms Apply(PrizePaid _) => this with { PrizePaid = true };

    public IdeaRewardTerms Apply(SalesReported e) => this with { Periods = [.. Periods, e.Period], Reports = [.. Reports ?? [], e] };

    /// <summary>The split to pay by: IntellectualProperty's (confirmed, else its equal split), or equal among the authors at selection if none arrived.</summary>
    public IReadOnlyList<OwnershipShare> PayableShares => Shares.Count > 0 ? Shares : OwnershipShare.EqualAmong(AuthorsAtSelection);
}
