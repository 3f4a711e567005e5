using CoCreation.BuildingBlocks.Seeding;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas.CoAuthoring;
using CoCreation.Ideation.Ideas.Submitting;

namespace CoCreation.Ideation.Seeding;

/// <summary>
/// The brand opens the main campaign; members submit an idea per theme; two ideas become collaborations and a third
/// waits for an invited co-author's answer. Leaves <see cref="DemoFacts.Campaign"/>, <see cref="DemoFacts.Ideas"/>, <see cref="DemoFacts.CoAuthors"/>.
/// </summary>
public sealed class MainCampaignDemoSeed : IDemoSeedPart
{
    private static readonly string[] Themes =
    [
        "lighthouse with a working lamp", "fjord ferry and harbour", "northern lights observatory", "reindeer sled workshop",
        "modular Viking longhouse", "wind farm maintenance crew", "arctic research station", "floating sauna",
        "stave church", "fishing village market", "ice hotel", "mountain rescue hut", "salmon smokehouse",
        "coastal tram line", "polar bear rescue centre", "midnight sun campsite"
    ];

    public int Order => 20;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var (brand, organisation) = (scenario.Cast.Brand, scenario.Cast.Organisation);
        var faker = scenario.Faker;
        var members = scenario.Members.ToList();

        var campaign = await scenario.Send<CampaignCreatedResponse>(brand, CreateCampaignRules.ToCommand(new CreateCampaignRequest(
            scenario.Cast.CampaignTitle,
            "Design a set for our Nordic-life theme. Sets that reach 100 supporters in 60 days move up the ladder; " +
            "at 10,000 supporters our designers review them. Selected designers receive 1% of net sales.",
            null, null, null, new RewardsRequest(10, 1, 25, 100, new PrizeRequest(2500m, "EUR"), 1m)), Guid.CreateVersion7(), brand, organisation), token);
        await scenario.Send<CampaignStatusResponse>(brand, new OpenCampaign(campaign.Id, brand, organisation), token);

        var ideas = new List<DemoIdea>();
        foreach (var theme in Themes)
        {
            var author = faker.PickRandom(members);
            var title = $"{faker.Commerce.ProductAdjective()} {theme}";
            var description = $"A {theme} in about {faker.Random.Int(400, 2500)} pieces. {faker.Rant.Review(theme)}";
            var tags = faker.Random.ListItems(["nordic", "winter", "sea", "modular", "vehicles", "buildings", "nature", "lights"], 2).ToList();
            var submitted = await scenario.Send<IdeaSubmittedResponse>(author,
                SubmitIdeaHandler.ToCommand(new IdeaRequest(title, description, tags), Guid.CreateVersion7(), campaign.Id, author), token);
            ideas.Add(new DemoIdea(submitted.Id, author));
        }

        var coAuthors = new Dictionary<Guid, string>();
        // Two collaborative projects: the author invites, the collaborator accepts (LEGO Ideas' explicit permission).
        var listed = members.Take(3).ToList();
        foreach (var (ideaId, author) in ideas.Take(2))
        {
            // The second collaboration's co-author is one of the members the dev sign-in lists, so a demo visitor meets it.
            var coAuthor = coAuthors.Count == 1 && listed.FirstOrDefault(m => m != author) is { } visible
                ? visible : faker.PickRandom(members.Where(m => m != author));
            await scenario.Send<CoAuthorshipResponse>(author, new InviteCoAuthor(ideaId, coAuthor, author), token);
            await scenario.Send<CoAuthorshipResponse>(coAuthor, new AcceptCoAuthorship(ideaId, coAuthor), token);
            coAuthors[ideaId] = coAuthor;
        }
        // An invitation still waiting for a listed member's answer.
        var (invitingIdea, inviter) = ideas[2];
        await scenario.Send<CoAuthorshipResponse>(inviter, new InviteCoAuthor(invitingIdea, listed.First(m => m != inviter), inviter), token);

        scenario.Set(DemoFacts.Campaign, campaign.Id);
        scenario.Set(DemoFacts.Ideas, ideas);
        scenario.Set(DemoFacts.CoAuthors, coAuthors);
    }
}
