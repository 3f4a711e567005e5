using Bogus;
using CoCreation.BuildingBlocks.Seeding;
using Marten;

namespace CoCreation.Host.Seed;

/// <summary>Marks a database as seeded, so the seed runs once.</summary>
public sealed record DemoSeedMarker(string Id, DateTimeOffset SeededAt);

/// <summary>
/// Seeds a realistic demo (members, ideas in several statuses, skewed votes, comments, moderation, ownership, rewards)
/// by running the modules' parts (<see cref="IDemoSeedPart"/>), each through its own module's commands and messages,
/// so every fact is a real event with metadata. The seeder only names the members and runs the parts once.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, IEnumerable<IDemoSeedPart> parts, IDocumentStore store, ILogger<DemoSeeder> logger)
{
    public const string MarkerId = "demo-seed-v1";
    private const int RandomSeed = 20261124;
    public static string Brand => DemoCast.Nordlys.Brand;
    public static string Organisation => DemoCast.Nordlys.Organisation;
    public static string Moderator => DemoCast.Nordlys.Moderator;
    public static string Legal => DemoCast.Nordlys.Legal;
    public static string CampaignTitle => DemoCast.Nordlys.CampaignTitle;

    // The members are the first draws of the one sequence the parts go on drawing from.
    private static List<string> MembersFrom(Faker faker) => Enumerable.Range(0, 40)
        .Select(i => $"{faker.Name.FirstName().ToLowerInvariant()}.{faker.Name.LastName().ToLowerInvariant()}{i}")
        .Select(n => new string(n.Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray()))
        .ToList();

    /// <summary>The demo's members, as the seed names them (the same seed, the same names), for the dev sign-in page.</summary>
    public static IReadOnlyList<string> Members() => MembersFrom(SharedRandomizer.FakerOn(new Random(RandomSeed)));

    public async Task<bool> SeedAsync(CancellationToken token)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DemoSeedMarker>(MarkerId, token) is not null)
            {
                logger.LogInformation("Demo data already present; nothing seeded.");
                return false;
            }
        }
        logger.LogInformation("Seeding the demo campaign...");
        var random = new Random(RandomSeed);
        var members = MembersFrom(SharedRandomizer.FakerOn(random));
        var scenario = new DemoScenario(members, RandomSeed, random, DemoCast.Nordlys, services);

        await DemoSeedParts.Run(parts, scenario, token);

        await using (var session = store.LightweightSession())
        {
            session.Store(new DemoSeedMarker(MarkerId, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(token);
        }
        logger.LogInformation("Demo campaign {CampaignId} seeded: {Ideas} ideas, {Members} members.",
            scenario.Get<Guid>(DemoFacts.Campaign), scenario.Get<List<DemoIdea>>(DemoFacts.Ideas).Count, members.Count);
        return true;
    }
}
