namespace CoCreation.Insights.Figures;

/// <summary>The statistics the figures use, on plain numbers.</summary>
public static class Stats
{
    /// <summary>The q-quantile (0..1) by linear interpolation between closest ranks; null for no values.</summary>
    public static double? Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return null;
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    public static double? Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// The Gini coefficient of non-negative amounts: 0 when all are equal, (n-1)/n when one holds everything;
    /// 0 for no amounts or a zero total.
    /// </summary>
    public static double Gini(IEnumerable<int> amounts)
    {
        var sorted = amounts.OrderBy(a => a).ToArray();
        long total = sorted.Sum(a => (long)a);
        if (sorted.Length == 0 || total == 0) return 0;
        double weighted = 0;
        for (var i = 0; i < sorted.Length; i++) weighted += (i + 1) * (double)sorted[i];
        return 2 * weighted / (sorted.Length * (double)total) - (sorted.Length + 1) / (double)sorted.Length;
    }

    /// <summary>
    /// The share of the total held by the top <paramref name="fraction"/> of <paramref name="population"/> members
    /// (at least one), ranked by <paramref name="amounts"/>; members with nothing count in the population.
    /// </summary>
    public static double TopShare(IEnumerable<int> amounts, int population, double fraction)
    {
        var sorted = amounts.OrderByDescending(a => a).ToArray();
        long total = sorted.Sum(a => (long)a);
        if (total == 0 || population == 0) return 0;
        var top = Math.Max(1, (int)Math.Ceiling(population * fraction));
        return sorted.Take(top).Sum(a => (long)a) / (double)total;
    }

    public static double Ratio(long part, long whole) => whole == 0 ? 0 : part / (double)whole;
}
