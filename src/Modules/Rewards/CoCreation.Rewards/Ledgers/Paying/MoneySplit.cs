using CoCreation.IntellectualProperty.Contracts;
using CoCreation.Rewards.Ideas;

namespace CoCreation.Rewards.Ledgers.Paying;

/// <summary>
/// Splits an amount by ownership shares in whole cents so the parts always add up to the whole (docs/adr/0012):
/// each owner first gets their exact part rounded down to the cent; the cents left over go one each to the owners
/// whose parts lost the most in rounding down, ties to the owner listed first.
/// </summary>
public static class MoneySplit
{
    /// <summary>A royalty: percent of net sales, rounded half away from zero to the cent.</summary>
    public static decimal Royalty(decimal netSales, decimal royaltyPercent) =>
        Math.Round(netSales * royaltyPercent / 100m, 2, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<MoneyPart> Split(decimal total, IReadOnlyList<OwnershipShare> shares)
    {
        var totalCents = (long)Math.Round(total * 100m, MidpointRounding.AwayFromZero);
        var exact = shares.Select(s => totalCents * s.Percent / 100m).ToList();
        var cents = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = totalCents - cents.Sum();
        foreach (var i in exact.Select((e, i) => (Loss: e - Math.Floor(e), Index: i)).OrderByDescending(x => x.Loss).ThenBy(x => x.Index).Take((int)left).Select(x => x.Index))
            cents[i]++;
        return shares.Select((s, i) => new MoneyPart(s.UserId, s.Percent, cents[i] / 100m)).ToList();
    }
}
