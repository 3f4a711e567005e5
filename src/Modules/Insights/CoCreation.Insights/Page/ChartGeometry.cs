using System.Globalization;

namespace CoCreation.Insights.Page;

/// <summary>The plotting area of the page's SVG charts, and numbers written for SVG (invariant culture).</summary>
public static class ChartGeometry
{
    public const double Width = 640, Height = 240, Left = 44, Right = 12, Top = 12, Bottom = 32;

    public static double X(int index, int count) =>
        count <= 1 ? (Left + Width - Right) / 2 : Left + index * (Width - Left - Right) / (count - 1);

    public static double Y(double value, double max) => Height - Bottom - (max <= 0 ? 0 : value / max * (Height - Top - Bottom));

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Points(IReadOnlyList<int> values, double max) =>
        string.Join(' ', values.Select((v, i) => $"{N(X(i, values.Count))},{N(Y(v, max))}"));

    /// <summary>A round upper bound for the axis: 1, 2 or 5 times a power of ten, at least 1.</summary>
    public static int NiceMax(int max)
    {
        if (max <= 1) return 1;
        var power = (int)Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 5, 10 })
            if (step * power >= max) return step * power;
        return 10 * power;
    }
}
