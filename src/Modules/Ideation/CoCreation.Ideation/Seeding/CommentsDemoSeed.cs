using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.Submitting;
using CoCreation.Ideation.Ideas.Withdrawing;

namespace CoCreation.Ideation.Seeding;

/// <summary>
/// After the votes: the least supported published idea is withdrawn, members comment on published ideas, and a member
/// who submitted nothing yet submits a near-copy of the first idea and a spam idea (for the moderation queue).
/// </summary>
public sealed class CommentsDemoSeed : IDemoSeedPart
{
    private static readonly string[] Remarks =
    [
        "Love the colour palette, would buy two.", "Could the roof come off so kids can play inside?",
        "The minifigure selection is spot on.", "Please keep the piece count under 1,500 so it stays affordable.",
        "This would look great next to last year's harbour set.", "Add a small boat and I'm sold!"
    ];

    public int Order => 50;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var faker = scenario.Faker;
        var members = scenario.Members.ToList();
        var campaignId = scenario.Get<Guid>(DemoFacts.Campaign);
        var ideas = scenario.Get<List<DemoIdea>>(DemoFacts.Ideas);
        var published = scenario.Get<List<DemoIdea>>(DemoFacts.Published);

        var (withdrawnId, withdrawnAuthor) = published[^1];
        await scenario.Send<IdeaStatusResponse>(withdrawnAuthor, new WithdrawIdea(withdrawnId, withdrawnAuthor), token);

        for (var i = 0; i < 12; i++)
        {
            var (ideaId, _) = faker.PickRandom(published);
            var commenter = faker.PickRandom(members);
            await scenario.Send<CommentPostedResponse>(commenter,
                PostCommentHandler.ToCommand(new CommentRequest(faker.PickRandom(Remarks)), Guid.CreateVersion7(), ideaId, commenter), token);
        }

        var copier = members.First(m => ideas.All(i => i.Author != m));
        var original = await scenario.Query(q => q.LoadAsync<IdeaDetails>(ideas[0].Id, token));
        await scenario.Send<IdeaSubmittedResponse>(copier, SubmitIdeaHandler.ToCommand(
            new IdeaRequest(original!.Title + " (my version)", original.Description, [.. original.Tags]), Guid.CreateVersion7(), campaignId, copier), token);
        await scenario.Send<IdeaSubmittedResponse>(copier, SubmitIdeaHandler.ToCommand(new IdeaRequest("Bricks for less",
            "Cheapest bricks online: https://cheap-bricks.example/shop", ["deal"]), Guid.CreateVersion7(), campaignId, copier), token);
    }
}
