using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>An author's share link brings a member who supports through it; the author's page counts them.</summary>
[Collection(BrowserCollection.Name)]
public class SharePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_member_who_supports_through_the_authors_share_link_is_counted_as_brought_by_the_author()
    {
        var stage = await browser.PublishedStage("Lighthouse with a foghorn");
        var author = await browser.NewPage();
        await BrowserFixture.SignIn(author, stage.Author, "participant");
        await author.GotoAsync($"/ideas/{stage.IdeaId}");
        await author.GetByText("Share this idea").ClickAsync();
        var link = await author.GetByTestId("share-link").InputValueAsync();
        Assert.EndsWith($"/ideas/{stage.IdeaId}?ref={stage.Author}", link);
        await Assertions.Expect(author.GetByTestId("supporters-brought")).ToHaveTextAsync("Supporters you brought: 0");

        var friend = await browser.NewPage();
        await BrowserFixture.SignIn(friend, $"friend-{Guid.NewGuid():N}"[..14], "participant");
        await friend.GotoAsync(new Uri(link).PathAndQuery);
        await friend.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Assertions.Expect(friend.GetByTestId("supporters")).ToHaveTextAsync("1");

        await author.ReloadAsync();
        await author.GetByText("Share this idea").ClickAsync();
        await Assertions.Expect(author.GetByTestId("supporters-brought")).ToHaveTextAsync("Supporters you brought: 1");
        await Screenshots.Take(author, "idea-share");
    }
}
