using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Flags;
using CoCreation.Moderation.Subjects;

namespace CoCreation.Moderation.Seeding;

/// <summary>Three members flag the rude member's second comment, which puts it in the moderator's queue.</summary>
public sealed class CommentFlagsDemoSeed : IDemoSeedPart
{
    public int Order => 80;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var members = scenario.Members.ToList();
        var flagged = scenario.Get<Guid>(DemoFacts.FlaggedComment);
        var rude = scenario.Get<string>(DemoFacts.RudeCommenter);

        await scenario.WaitFor(async q => await q.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(flagged), token), token);
        foreach (var flagger in scenario.Faker.Random.Shuffle(members.Where(m => m != rude)).Take(3))
            await scenario.Send<FlagResponse>(flagger, new FlagSubject(SubjectTypes.Comment, flagged, "Unfair accusation", flagger), token);
    }
}
