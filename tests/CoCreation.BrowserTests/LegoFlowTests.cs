using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>
/// The whole LEGO-Ideas-like journey through pages alone, each role in its own browser: legal publishes the agreement; a
/// brand creates and opens a campaign with a two-step ladder; a member accepts the agreement on the way to submitting;
/// a moderator approves; members support it to each milestone (the author cannot, a third member finds voting closed);
/// the brand selects it and posts progress; legal reads its provenance; the brand replays the campaign; the author
/// sees the points.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LegoFlowTests(BrowserFixture browser)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task An_idea_goes_from_the_agreement_to_production_through_the_pages_of_every_role()
    {
        var organisation = Unique("org");
        var campaignTitle = $"Mountain huts {Guid.NewGuid():N}"[..22];
        var ideaTitle = $"Hut with a sauna {Guid.NewGuid():N}"[..24];

        var legal = await browser.NewPage();
        await BrowserFixture.SignIn(legal, Unique("legal"), "legal");
        await legal.GotoAsync("/legal");
        var version = Unique("flow");
        await legal.GetByLabel("Version", new() { Exact = true }).FillAsync(version);
        await legal.GetByLabel("Text", new() { Exact = true }).FillAsync("Contributors license their designs to the brand; royalties follow the confirmed shares.");
        await Button(legal, "Publish version").ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Row).Filter(new() { HasText = version })).ToBeVisibleAsync();

        var brandId = Unique("brand");
        var brand = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(brand, brandId, organisation, "brand");
        await brand.GotoAsync("/brand");
        await brand.GetByLabel("Title", new() { Exact = true }).FillAsync(campaignTitle);
        await brand.GetByLabel("Brief", new() { Exact = true }).FillAsync("Huts for the high valleys.");
        await brand.GetByLabel("Milestone 1: supporters").FillAsync("1");
        await brand.GetByLabel("Milestone 1: within days").FillAsync("30");
        await brand.GetByLabel("Milestone 2: supporters").FillAsync("2");
        await brand.GetByLabel("Milestone 2: within days").FillAsync("30");
        for (var i = 3; i <= 4; i++)
        {
            await brand.GetByLabel($"Milestone {i}: supporters").FillAsync("");
            await brand.GetByLabel($"Milestone {i}: within days").FillAsync("");
        }
        await Button(brand, "Create campaign").ClickAsync();
        var campaign = brand.Locator("section.card").Filter(new() { Has = brand.GetByRole(AriaRole.Heading, new() { Name = campaignTitle, Exact = true }) });
        await campaign.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(campaign.GetByTestId("campaign-status")).ToHaveTextAsync("Open");

        var authorId = Unique("author");
        var author = await browser.NewPage();
        await BrowserFixture.SignIn(author, authorId, "participant");
        await author.GotoAsync("/");
        await author.GetByRole(AriaRole.Link, new() { Name = campaignTitle }).ClickAsync();
        await author.GetByRole(AriaRole.Link, new() { Name = "Submit an idea" }).ClickAsync();
        await author.GetByLabel("Title").FillAsync(ideaTitle);
        await author.GetByLabel("Description").FillAsync("A timber hut with a wood-fired sauna and a snow-covered roof.");
        await author.GetByLabel("Tags (comma separated)").FillAsync("mountains, winter");
        await Button(author, "Submit idea").ClickAsync();
        await Assertions.Expect(author.GetByTestId("agreement-version")).ToHaveTextAsync(version);
        await Button(author, "Accept agreement").ClickAsync();
        await Assertions.Expect(author.GetByLabel("Title")).ToHaveValueAsync(ideaTitle);
        await Button(author, "Submit idea").ClickAsync();
        await Assertions.Expect(author.GetByTestId("status")).ToHaveTextAsync("Submitted");
        var ideaPath = new Uri(author.Url).AbsolutePath;

        var moderator = await browser.NewPage();
        await BrowserFixture.SignIn(moderator, Unique("mod"), "moderator");
        var item = moderator.GetByRole(AriaRole.Article, new() { Name = ideaTitle });
        await BrowserFixture.Eventually(async () =>
        {
            await moderator.GotoAsync("/moderation");
            return await item.CountAsync() > 0 ? (bool?)true : null;
        });
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(item).ToHaveCountAsync(0);

        // Voting opens the ballot when Ideation's message about the publication reaches it.
        await BrowserFixture.Eventually(async () =>
        {
            await author.GotoAsync(ideaPath);
            return await author.GetByRole(AriaRole.Button, new() { Name = "Your own idea" }).CountAsync() > 0 ? (bool?)true : null;
        });
        await Assertions.Expect(author.GetByTestId("status")).ToHaveTextAsync("Published");
        await Assertions.Expect(author.GetByRole(AriaRole.Button, new() { Name = "Your own idea" })).ToBeDisabledAsync();

        foreach (var (fan, expected) in new[] { (Unique("fan"), "1"), (Unique("fan"), "2") })
        {
            var page = await browser.NewPage();
            await BrowserFixture.SignIn(page, fan, "participant");
            await page.GotoAsync(ideaPath);
            await Button(page, "Support").ClickAsync();
            await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync(expected);
        }
        var late = await browser.NewPage();
        await BrowserFixture.SignIn(late, Unique("late"), "participant");
        await BrowserFixture.Eventually(async () =>
        {
            await late.GotoAsync(ideaPath);
            return await late.GetByTestId("status").TextContentAsync() == "Under review" ? (bool?)true : null;
        });
        await Assertions.Expect(late.GetByRole(AriaRole.Button, new() { Name = "Voting closed" })).ToBeDisabledAsync();

        var campaignPath = await late.Locator("main a[href^='/campaigns/']").First.GetAttributeAsync("href");
        await brand.GotoAsync(campaignPath!);
        await brand.GetByLabel("Title contains").FillAsync("SAUNA");
        await Button(brand, "Show").ClickAsync();
        await Assertions.Expect(brand.Locator("ul.ideas li")).ToHaveCountAsync(1);
        await Assertions.Expect(brand.GetByRole(AriaRole.Link, new() { Name = ideaTitle })).ToBeVisibleAsync();
        await brand.GotoAsync("/brand");
        var review = brand.Locator($"#idea-{ideaPath.Split('/')[^1]}");
        await review.GetByLabel("Selected", new() { Exact = true }).CheckAsync();
        await review.GetByLabel("Note to the authors").FillAsync("Our designers love the sauna.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(review.GetByTestId("idea-status")).ToHaveTextAsync("Selected");
        await review.GetByLabel("New status").SelectOptionAsync("InProduction");
        await review.GetByLabel("Progress note").FillAsync("First prototypes are being moulded.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Post the progress note" }).ClickAsync();
        await Assertions.Expect(review.GetByTestId("idea-status")).ToHaveTextAsync("In production");

        await late.GotoAsync(ideaPath);
        await Assertions.Expect(late.GetByText("First prototypes are being moulded.")).ToBeVisibleAsync();

        await legal.GotoAsync($"{ideaPath}/provenance");
        await Assertions.Expect(legal.GetByTestId("contributions")).ToContainTextAsync(authorId);
        await Assertions.Expect(legal.GetByTestId("contributions")).ToContainTextAsync(version);
        await Assertions.Expect(legal.GetByTestId("integrity")).ToContainTextAsync("Intact");

        await brand.GotoAsync($"{campaignPath}/replay");
        await Assertions.Expect(brand.GetByTestId("ideas-at").GetByRole(AriaRole.Row).Filter(new() { HasText = ideaTitle })).ToContainTextAsync("In production");

        await author.GotoAsync("/me");
        // 10 for the published idea, 25 for each of the two milestones, 100 for the selection (the campaign form's defaults).
        await Assertions.Expect(author.GetByTestId("my-points")).ToHaveTextAsync("160");
        await Screenshots.Take(author, "me");
    }
}
