using Bogus;
using CoCreation.BuildingBlocks.Seeding;

namespace CoCreation.UnitTests;

/// <summary>
/// The demo stays the same draw for draw since it was split into the modules' parts: the scenario's Faker continues
/// the one sequence the seed started, as the single Faker on <c>new Randomizer(seed)</c> of the former seeder did.
/// </summary>
public class DemoScenarioRandomTests
{
    private static IEnumerable<string> Draws(Faker faker) =>
    [
        faker.Name.FirstName(), faker.Name.LastName(), faker.PickRandom(new List<string> { "a", "b", "c", "d", "e" }),
        faker.Commerce.ProductAdjective(), faker.Random.Int(400, 2500).ToString(), faker.Rant.Review("ferry"),
        string.Join(",", faker.Random.ListItems(["nordic", "winter", "sea", "modular", "vehicles"], 2)),
        string.Join(",", faker.Random.Shuffle(Enumerable.Range(0, 20)).Take(6))
    ];

    [Fact]
    public void A_scenario_draws_what_one_Faker_on_Bogus_own_seeded_randomizer_draws()
    {
        var single = new Faker { Random = new Randomizer(20261124) };
        var expected = Draws(single).Concat(Draws(single)).ToList();

        var random = new Random(20261124);
        var first = Draws(SharedRandomizer.FakerOn(random)).ToList();
        var scenario = new DemoScenario(["a"], 20261124, random, DemoCast.Nordlys, new EmptyServices());

        Assert.Equal(expected, first.Concat(Draws(scenario.Faker)));
    }

    [Fact]
    public void The_sign_in_pages_members_are_the_names_of_the_seed()
    {
        var faker = new Faker { Random = new Randomizer(20261124) };
        var expected = Enumerable.Range(0, 40)
            .Select(i => new string($"{faker.Name.FirstName().ToLowerInvariant()}.{faker.Name.LastName().ToLowerInvariant()}{i}"
                .Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray()));

        Assert.Equal(expected, CoCreation.Host.Seed.DemoSeeder.Members());
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
