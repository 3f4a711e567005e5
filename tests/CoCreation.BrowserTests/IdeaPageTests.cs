using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>The idea page in Chromium: Ideation's details with Voting's support bar in its slot, and the vote through the page alone.</summary>
[Collection(BrowserCollection.Name)]
public class IdeaPageTests(BrowserFixture browser)
{
    private static ILocator Supporters(IPage page) => page.GetByTestId("supporters");

    [Fact]
    public async Task A_member_supports_an_idea_and_takes_the_support_back_from_its_page()
    {
        var (campaignId, ideaId, _) = await browser.PublishedIdea("Ferry with a drawbridge");
        var page = await browser.NewPage();

        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ferry with a drawbridge" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in to support" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "0");

        await BrowserFixture.SignIn(page, $"fan-{Guid.NewGuid():N}"[..12], "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(Supporters(page)).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Assertions.Expect(Supporters(page)).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retract support" }).ClickAsync();
        await Assertions.Expect(Supporters(page)).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync($"/campaigns/{campaignId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ferry with a drawbridge" })).ToBeVisibleAsync();
        await Screenshots.Take(page, "campaign");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open campaigns" })).ToBeVisibleAsync();
        await Screenshots.Take(page, "home");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync($"/ideas/{ideaId}");
        await Screenshots.Take(page, "idea-375px");
    }

    [Fact]
    public async Task The_author_sees_their_own_idea_and_cannot_support_it()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Lighthouse with a working lamp");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Your own idea" })).ToBeDisabledAsync();
        await Screenshots.Take(page, "idea");
    }

    [Fact]
    public async Task An_idea_that_is_not_public_is_not_found_for_a_stranger()
    {
        var page = await browser.NewPage();
        var response = await page.GotoAsync($"/ideas/{Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }
}
