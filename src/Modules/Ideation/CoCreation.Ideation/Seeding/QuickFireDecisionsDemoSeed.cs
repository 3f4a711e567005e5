using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.PostingProgress;
using CoCreation.Ideation.Ideas.Withdrawing;

namespace CoCreation.Ideation.Seeding;

/// <summary>
/// Once the votes moved three quick-fire packs to the review board, the brand selects the first (and puts it into
/// production), declines the second and leaves the third waiting for its decision.
/// </summary>
public sealed class QuickFireDecisionsDemoSeed : IDemoSeedPart
{
    public int Order => 130;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var (brand, organisation) = (scenario.Cast.Brand, scenario.Cast.Organisation);
        var ideas = scenario.Get<List<DemoIdea>>(DemoFacts.QuickFireIdeas);

        foreach (var (ideaId, _) in ideas.Take(3))
            await scenario.WaitFor(async q => (await q.LoadAsync<IdeaDetails>(ideaId, token))?.Status == IdeaStatus.UnderReview ? "review" : null, token);
        await scenario.Send<IdeaDecisionResponse>(brand, new DecideIdea(ideas[0].Id, DecisionOutcome.Selected, "Fits our winter wave perfectly.", brand, organisation), token);
        await scenario.Send<IdeaStatusResponse>(brand, new PostProgress(ideas[0].Id, IdeaStatus.InProduction, "Moulds ordered; on shelves next autumn.", brand, organisation), token);
        await scenario.Send<IdeaDecisionResponse>(brand, new DecideIdea(ideas[1].Id, DecisionOutcome.NotSelected, "Too close to a pack we already sell; thank you!", brand, organisation), token);
    }
}
