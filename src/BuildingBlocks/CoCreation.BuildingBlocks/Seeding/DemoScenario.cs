namespace CoCreation.BuildingBlocks.Seeding;

/// <summary>
/// What the demo's parts share: the cast (signed-in names the dev sign-in page offers) and what earlier parts
/// created, under names the parts agree on (<see cref="Set{T}"/> / <see cref="Get{T}"/>), so no part references another module.
/// </summary>
public sealed class DemoScenario(IReadOnlyList<string> members, int randomSeed)
{
    private readonly Dictionary<string, object> _facts = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Members { get; } = members;

    /// <summary>The seed of every part's random choices: the same seed, the same demo.</summary>
    public int RandomSeed { get; } = randomSeed;

    public void Set<T>(string name, T value) where T : notnull => _facts[name] = value;

    public T Get<T>(string name) where T : notnull =>
        _facts.TryGetValue(name, out var value) ? (T)value : throw new InvalidOperationException($"The demo seed has no '{name}' yet: a part that sets it must run first.");
}
