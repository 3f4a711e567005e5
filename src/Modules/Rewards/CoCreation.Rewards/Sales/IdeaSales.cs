using CoCreation.IntellectualProperty.Contracts;
using CoCreation.Rewards.Ideas;

namespace CoCreation.Rewards.Sales;

public sealed record SalesReport(string Period, decimal NetSales, string Currency, decimal RoyaltyPercent, decimal Royalty, IReadOnlyList<MoneyPart> Parts,
    string ReportedBy, DateTimeOffset ReportedAt);

/// <summary>An idea's reported sales and the royalty parts paid from them, with the shares they were split by.</summary>
public sealed record IdeaSales(Guid IdeaId, IReadOnlyList<OwnershipShare> Shares, string Basis, bool Selected, IReadOnlyList<SalesReport> Reports)
{
    public static IdeaSales Of(IdeaRewardTerms terms) => new(terms.IdeaId, terms.PayableShares, terms.Basis, terms.Selected,
        (terms.Reports ?? []).Select(r => new SalesReport(r.Period, r.NetSales, r.Currency, r.RoyaltyPercent, r.Royalty, r.Parts, r.ReportedBy, r.ReportedAt)).ToList());
}
