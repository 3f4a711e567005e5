using CoCreation.BuildingBlocks.Seeding;

namespace CoCreation.Host.Seed;

/// <summary>Runs the modules' parts of the demo seed in their order; a failing part is named with its module.</summary>
public static class DemoSeedParts
{
    public static IReadOnlyList<IDemoSeedPart> InOrder(IEnumerable<IDemoSeedPart> parts) =>
        parts.Select((part, index) => (part, index)).OrderBy(p => p.part.Order).ThenBy(p => p.index).Select(p => p.part).ToList();

    public static async Task Run(IEnumerable<IDemoSeedPart> parts, DemoScenario scenario, CancellationToken token)
    {
        foreach (var part in InOrder(parts))
        {
            try
            {
                await part.Seed(scenario, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"The demo seed's part {part.GetType().Name} (order {part.Order}) of module {ModuleOf(part)} failed: {e.Message}", e);
            }
        }
    }

    /// <summary>The module a part belongs to, from its assembly (CoCreation.Ideation → Ideation).</summary>
    public static string ModuleOf(IDemoSeedPart part)
    {
        var assembly = part.GetType().Assembly.GetName().Name ?? "?";
        return assembly.StartsWith("CoCreation.", StringComparison.Ordinal) ? assembly["CoCreation.".Length..] : assembly;
    }
}
