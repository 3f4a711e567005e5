using System.Diagnostics;

namespace CoCreation.Benchmarks;

/// <summary>Latency samples and their percentiles (nearest-rank).</summary>
public sealed class Latency(string name)
{
    private readonly List<double> _ms = [];

    public string Name { get; } = name;

    public async Task<T> Time<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        _ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public void Absorb(Latency other) => _ms.AddRange(other._ms);

    /// <summary>A duration measured elsewhere (thread-safe: concurrent scenarios record into one).</summary>
    public void Record(double ms)
    {
        lock (_ms) _ms.Add(ms);
    }

    public double Percentile(double p)
    {
        var sorted = _ms.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Row() => $"| {Name} | {_ms.Count} | {Percentile(50):F1} | {Percentile(95):F1} | {Percentile(99):F1} | {_ms.Max():F1} |";

    public const string Header = "| request | n | p50 ms | p95 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |";
}
