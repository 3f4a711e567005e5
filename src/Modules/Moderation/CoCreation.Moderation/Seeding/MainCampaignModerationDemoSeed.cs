using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;

namespace CoCreation.Moderation.Seeding;

/// <summary>
/// The moderator decides the main campaign's ideas: most pass, two are rejected, the last two still wait in the queue.
/// Leaves <see cref="DemoFacts.Published"/>.
/// </summary>
public sealed class MainCampaignModerationDemoSeed : IDemoSeedPart
{
    public int Order => 30;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var moderator = scenario.Cast.Moderator;
        var ideas = scenario.Get<List<DemoIdea>>(DemoFacts.Ideas);
        var items = await scenario.ItemsFor(ideas.Select(i => i.Id).ToArray(), token);

        var published = new List<DemoIdea>();
        for (var i = 0; i < ideas.Count; i++)
        {
            var item = items.Single(e => e.SubjectId == ideas[i].Id);
            if (i >= ideas.Count - 2) continue;
            var request = i < ideas.Count - 4
                ? new DecisionRequest(ModerationDecision.Approve, null, "Clear, original and on brief.")
                : new DecisionRequest(ModerationDecision.Reject, i % 2 == 0 ? "off-topic" : "duplicate", "Thanks! This does not fit the brief.");
            await scenario.Send<ModerationDecisionResponse>(moderator, DecideModerationItemHandler.ToCommand(request, item.Id, moderator), token);
            if (request.Decision == ModerationDecision.Approve) published.Add(ideas[i]);
        }
        scenario.Set(DemoFacts.Published, published);
    }
}
