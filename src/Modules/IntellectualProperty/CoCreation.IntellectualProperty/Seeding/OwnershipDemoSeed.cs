using CoCreation.BuildingBlocks.Seeding;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes.Opening;
using CoCreation.IntellectualProperty.Ownership.Confirming;
using CoCreation.IntellectualProperty.Ownership.Proposing;

namespace CoCreation.IntellectualProperty.Seeding;

/// <summary>The two co-authored ideas get confirmed ownership splits (the second one a new proposal waiting); a rival disputes a published idea.</summary>
public sealed class OwnershipDemoSeed : IDemoSeedPart
{
    public int Order => 90;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var members = scenario.Members.ToList();
        var ideas = scenario.Get<List<DemoIdea>>(DemoFacts.Ideas);
        var published = scenario.Get<List<DemoIdea>>(DemoFacts.Published);
        var coAuthors = scenario.Get<Dictionary<Guid, string>>(DemoFacts.CoAuthors);

        decimal[] splits = [60m, 75m];
        var index = 0;
        foreach (var (ideaId, coAuthor) in coAuthors)
        {
            var author = ideas.Single(i => i.Id == ideaId).Author;
            await scenario.WaitFor(async q => await q.LoadAsync<Provenance>(Provenance.StreamIdFor(ideaId), token) is { } p && p.CurrentAuthors.Count == 2 ? p : null, token);
            var split = splits[index++ % splits.Length];
            await scenario.Send<OwnershipResponse>(author, ProposeOwnershipHandler.ToCommand(new OwnershipRequest(
                [new ShareRequest(author, split), new ShareRequest(coAuthor, 100m - split)]), ideaId, author), token);
            await scenario.Send<OwnershipResponse>(coAuthor, new ConfirmOwnership(ideaId, coAuthor), token);
        }
        // The second collaboration's author proposes a new split: it waits for the co-author, the confirmed one holds meanwhile.
        var (revisited, revisitedCoAuthor) = coAuthors.Last();
        var revisitedAuthor = ideas.Single(i => i.Id == revisited).Author;
        await scenario.Send<OwnershipResponse>(revisitedAuthor, ProposeOwnershipHandler.ToCommand(new OwnershipRequest(
            [new ShareRequest(revisitedAuthor, 50m), new ShareRequest(revisitedCoAuthor, 50m)]), revisited, revisitedAuthor), token);
        var disputed = published[1];
        var rival = scenario.Faker.PickRandom(members.Where(m => m != disputed.Author && m != coAuthors.GetValueOrDefault(disputed.Id)));
        await scenario.Send<DisputeResponse>(rival, OpenDisputeHandler.ToCommand(new DisputeRequest(
            "Prior art: I published this model on a fan forum in 2024.",
            "Forum post of 14 March 2024 with photos of the same build; archive link in the attached statement."), disputed.Id, rival), token);
    }
}
