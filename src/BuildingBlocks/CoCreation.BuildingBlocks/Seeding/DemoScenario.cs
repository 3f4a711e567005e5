using Bogus;
using CoCreation.BuildingBlocks.Http;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CoCreation.BuildingBlocks.Seeding;

/// <summary>
/// Who plays the demo besides its members: the brand's account and organisation, the moderator, the legal officer;
/// and the title of the brand's main campaign, by which the dev pages and the tests find it.
/// </summary>
public sealed record DemoCast(string Brand, string Organisation, string Moderator, string Legal, string CampaignTitle)
{
    public static readonly DemoCast Nordlys = new("brand-nordlys", "nordlys", "moderator-demo", "legal-nordlys",
        "Nordlys Bricks: your set in the 2027 catalogue");
}

/// <summary>
/// What the demo's parts share: the cast (signed-in names the dev sign-in page offers) and what earlier parts
/// created, under names the parts agree on (<see cref="Set{T}"/> / <see cref="Get{T}"/>, names in <see cref="DemoFacts"/>),
/// so no part references another module.
/// </summary>
public sealed class DemoScenario(IReadOnlyList<string> members, int randomSeed)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, object> _facts = new(StringComparer.Ordinal);
    private IServiceProvider? _services;
    private Faker? _faker;

    /// <summary>A scenario whose parts send commands through the host's Wolverine and wait on its Marten store.</summary>
    public DemoScenario(IReadOnlyList<string> members, int randomSeed, Random random, DemoCast cast, IServiceProvider services)
        : this(members, randomSeed)
    {
        Random = random;
        Cast = cast;
        _services = services;
    }

    public IReadOnlyList<string> Members { get; } = members;

    /// <summary>The seed of every part's random choices: the same seed, the same demo.</summary>
    public int RandomSeed { get; } = randomSeed;

    /// <summary>
    /// The one random sequence every part draws from, in the parts' order, so the demo stays the same draw for draw
    /// however it is split between modules.
    /// </summary>
    public Random Random { get; } = new(randomSeed);

    /// <summary>Bogus's Faker on <see cref="Random"/>: its names, texts, picks and shuffles are draws of the one sequence.</summary>
    public Faker Faker => _faker ??= SharedRandomizer.FakerOn(Random);

    public DemoCast Cast { get; } = DemoCast.Nordlys;

    public void Set<T>(string name, T value) where T : notnull => _facts[name] = value;

    public T Get<T>(string name) where T : notnull =>
        _facts.TryGetValue(name, out var value) ? (T)value : throw new InvalidOperationException($"The demo seed has no '{name}' yet: a part that sets it must run first.");

    /// <summary>Sends a command as <paramref name="actor"/>, as an HTTP request of theirs would (actor, a fresh correlation id).</summary>
    public async Task<T> Send<T>(string actor, object command, CancellationToken token)
    {
        await using var scope = Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageContext>();
        return await bus.SendAs<T>(actor, $"demo-seed-{Guid.CreateVersion7()}", command, token);
    }

    /// <summary>Same as <see cref="Send{T}"/> for a command that answers nothing.</summary>
    public async Task Send(string actor, object command, CancellationToken token)
    {
        await using var scope = Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageContext>();
        await bus.SendAs(actor, $"demo-seed-{Guid.CreateVersion7()}", command, token);
    }

    /// <summary>Reads the part's own read models once.</summary>
    public async Task<T> Query<T>(Func<IQuerySession, Task<T>> read)
    {
        await using var query = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await read(query);
    }

    /// <summary>Polls the part's own read models until <paramref name="probe"/> answers (messages between modules take a moment).</summary>
    public async Task<T> WaitFor<T>(Func<IQuerySession, Task<T?>> probe, CancellationToken token) where T : class
    {
        var store = Services.GetRequiredService<IDocumentStore>();
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            await using (var query = store.QuerySession())
            {
                if (await probe(query) is { } result) return result;
            }
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("The demo seed waited too long for the modules' messages.");
            await Task.Delay(100, token);
        }
    }

    private IServiceProvider Services => _services ?? throw new InvalidOperationException("This scenario has no services: build it with the host's service provider to send commands.");
}
