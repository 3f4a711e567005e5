using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Voting.Ballots.Casting;

namespace CoCreation.Voting.Seeding;

/// <summary>Three quick-fire packs gather the six supporters that send them to the review board; the fourth gets one.</summary>
public sealed class QuickFireVotesDemoSeed : IDemoSeedPart
{
    private static readonly int[] Supporters = [6, 6, 6, 1];

    public int Order => 120;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var members = scenario.Members.ToList();
        var ideas = scenario.Get<List<DemoIdea>>(DemoFacts.QuickFireIdeas);
        await scenario.BallotsOpenFor(ideas.Select(p => p.Id).ToArray(), token);

        for (var i = 0; i < ideas.Count; i++)
            foreach (var voter in scenario.Faker.Random.Shuffle(members.Where(m => m != ideas[i].Author)).Take(Supporters[i]))
                await scenario.Send<VoteCastResponse>(voter, new CastVote(ideas[i].Id, Guid.CreateVersion7(), voter, null), token);
    }
}
