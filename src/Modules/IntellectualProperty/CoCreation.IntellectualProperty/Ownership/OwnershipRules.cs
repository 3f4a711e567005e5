using CoCreation.IntellectualProperty.Contracts;

namespace CoCreation.IntellectualProperty.Ownership;

public static class OwnershipRules
{
    /// <summary>
    /// 100% split equally in hundredths of a percent; the hundredths that do not divide evenly go one each to the
    /// first authors in order (the submitter first), so the parts always add up to exactly 100.
    /// </summary>
    public static IReadOnlyList<OwnershipShare> EqualSplit(IReadOnlyList<string> authors)
    {
        if (authors.Count == 0) return [];
        var hundredths = 10_000 / authors.Count;
        var remainder = 10_000 % authors.Count;
        return authors.Select((a, i) => new OwnershipShare(a, (hundredths + (i < remainder ? 1 : 0)) / 100m)).ToList();
    }
}
