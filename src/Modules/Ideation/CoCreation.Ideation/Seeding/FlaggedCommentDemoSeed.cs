using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Ideation.Ideas.Commenting;

namespace CoCreation.Ideation.Seeding;

/// <summary>
/// A rude member comments twice on the most supported idea: screening catches the first comment, the community flags
/// the second. Leaves <see cref="DemoFacts.FlaggedComment"/> and <see cref="DemoFacts.RudeCommenter"/>.
/// </summary>
public sealed class FlaggedCommentDemoSeed : IDemoSeedPart
{
    public int Order => 70;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var members = scenario.Members.ToList();
        var published = scenario.Get<List<DemoIdea>>(DemoFacts.Published);

        var target = published[0].Id;
        var rude = scenario.Faker.PickRandom(members.Where(m => m != published[0].Author));
        await scenario.Send<CommentPostedResponse>(rude, PostCommentHandler.ToCommand(
            new CommentRequest("What a scam, nobody will pay that much for bricks."), Guid.CreateVersion7(), target, rude), token);
        var flagged = await scenario.Send<CommentPostedResponse>(rude, PostCommentHandler.ToCommand(
            new CommentRequest("Copied straight from another brand's catalogue, shame on you."), Guid.CreateVersion7(), target, rude), token);

        scenario.Set(DemoFacts.FlaggedComment, flagged.Id);
        scenario.Set(DemoFacts.RudeCommenter, rude);
    }
}
