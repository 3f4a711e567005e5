using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Voting.Ballots;
using Marten;

namespace CoCreation.Voting.Seeding;

internal static class DemoBallots
{
    /// <summary>Waits until Voting has opened a ballot for each idea (it opens them on Ideation's messages).</summary>
    public static Task<string> BallotsOpenFor(this DemoScenario scenario, Guid[] ideaIds, CancellationToken token) => scenario.WaitFor(async q =>
    {
        var ballots = ideaIds.Select(Ballot.StreamIdFor).ToArray();
        return await q.Query<Ballot>().CountAsync(b => b.Id.IsOneOf(ballots), token) == ballots.Length ? "ready" : null;
    }, token);
}
