using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Retracting;

namespace CoCreation.Voting.Seeding;

/// <summary>
/// Members support the main campaign's published ideas on a skew (a few ideas gather many supporters, most few),
/// and one member retracts a vote so the history shows a retraction too.
/// </summary>
public sealed class MainCampaignVotesDemoSeed : IDemoSeedPart
{
    public int Order => 40;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var members = scenario.Members.ToList();
        var published = scenario.Get<List<DemoIdea>>(DemoFacts.Published);
        var coAuthors = scenario.Get<Dictionary<Guid, string>>(DemoFacts.CoAuthors);
        await scenario.BallotsOpenFor(published.Select(p => p.Id).ToArray(), token);

        var lastVoter = "";
        for (var rank = 0; rank < published.Count; rank++)
        {
            var (ideaId, author) = published[rank];
            var supporters = (int)Math.Round(members.Count * 0.8 * Math.Pow(0.62, rank));
            foreach (var voter in scenario.Faker.Random.Shuffle(members.Where(m => m != author && m != coAuthors.GetValueOrDefault(ideaId))).Take(supporters))
            {
                await scenario.Send<VoteCastResponse>(voter, new CastVote(ideaId, Guid.CreateVersion7(), voter, null), token);
                if (rank == 0) lastVoter = voter;
            }
        }

        await scenario.Send(lastVoter, new RetractVote(published[0].Id, lastVoter), token);
    }
}
