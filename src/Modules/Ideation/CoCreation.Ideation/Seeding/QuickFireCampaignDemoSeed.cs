using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas.Submitting;

namespace CoCreation.Ideation.Seeding;

/// <summary>
/// A second campaign with a short ladder, so the demo shows ideas that went through review, selection and production
/// by real votes. Leaves <see cref="DemoFacts.QuickFireCampaign"/> and <see cref="DemoFacts.QuickFireIdeas"/>.
/// </summary>
public sealed class QuickFireCampaignDemoSeed : IDemoSeedPart
{
    private static readonly string[] Packs = ["Skating gear pack", "Fishing tackle pack", "Ski patrol pack", "Market stall pack"];

    public int Order => 100;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var (brand, organisation) = (scenario.Cast.Brand, scenario.Cast.Organisation);
        var faker = scenario.Faker;
        var members = scenario.Members.ToList();

        var campaign = await scenario.Send<CampaignCreatedResponse>(brand, CreateCampaignRules.ToCommand(new CreateCampaignRequest(
            "Quick-fire: minifigure accessories",
            "Small accessory packs. Three supporters in 30 days, then six within another 30 days sends an idea to our review board.",
            null, [new MilestoneRequest(3, 30), new MilestoneRequest(6, 30)], null, new RewardsRequest(10, 1, 25, 100, new PrizeRequest(500m, "EUR"), 2m)),
            Guid.CreateVersion7(), brand, organisation), token);
        await scenario.Send<CampaignStatusResponse>(brand, new OpenCampaign(campaign.Id, brand, organisation), token);

        var ideas = new List<DemoIdea>();
        foreach (var pack in Packs)
        {
            var author = faker.PickRandom(members);
            var submitted = await scenario.Send<IdeaSubmittedResponse>(author, SubmitIdeaHandler.ToCommand(
                new IdeaRequest(pack, $"{pack}: {faker.Rant.Review(pack)}", ["accessories"]), Guid.CreateVersion7(), campaign.Id, author), token);
            ideas.Add(new DemoIdea(submitted.Id, author));
        }

        scenario.Set(DemoFacts.QuickFireCampaign, campaign.Id);
        scenario.Set(DemoFacts.QuickFireIdeas, ideas);
    }
}
