namespace CoCreation.BuildingBlocks.Seeding;

/// <summary>
/// A module's part of the demo data (<c>./run.sh</c> seeds it once on a fresh database). The host's seeder runs
/// every registered part in <see cref="Order"/>, each through its own module's commands, sharing one
/// <see cref="DemoScenario"/> in which earlier parts leave what later ones build on (the campaign, the ideas).
/// </summary>
public interface IDemoSeedPart
{
    /// <summary>When the part runs: lower first. Parts of equal order run in registration order.</summary>
    int Order { get; }

    Task Seed(DemoScenario scenario, CancellationToken token);
}
