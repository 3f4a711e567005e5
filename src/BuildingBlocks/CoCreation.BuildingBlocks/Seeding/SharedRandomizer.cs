using Bogus;

namespace CoCreation.BuildingBlocks.Seeding;

/// <summary>
/// Bogus's randomizer drawing from a given <see cref="System.Random"/>, so a Faker and plain draws share one sequence.
/// <c>new Randomizer(seed)</c> draws from <c>new Random(seed)</c>: on a fresh <c>new Random(seed)</c> this one draws the same.
/// </summary>
public sealed class SharedRandomizer : Randomizer
{
    public SharedRandomizer(Random random) => localSeed = random;

    /// <summary>A Faker whose every draw (names, texts, picks, shuffles) comes from <paramref name="random"/>.</summary>
    public static Faker FakerOn(Random random) => new() { Random = new SharedRandomizer(random) };
}
