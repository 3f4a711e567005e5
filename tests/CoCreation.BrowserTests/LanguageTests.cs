using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>The pages speak the browser's language (English or French), a member's choice from the switch wins, and the
/// sign-in page keeps the contract's English labels for English readers.</summary>
[Collection(BrowserCollection.Name)]
public class LanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_sign_in_page_has_the_contracts_labels_in_English()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User id").FillAsync("labels-check");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Labels Check");
        foreach (var role in new[] { "participant", "moderator", "brand", "legal", "admin" })
            await Assertions.Expect(page.GetByLabel(role, new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Organisation").FillAsync("nordlys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "labels-check" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_French_browser_gets_French_pages_and_the_switch_changes_the_language_for_good()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Identifiant")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GotoAsync("/not-found");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Introuvable" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_member_without_the_role_of_a_page_is_told_so_with_a_403()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"brand-{Guid.NewGuid():N}"[..14], "brand");
        var response = await page.GotoAsync("/legal");
        Assert.EndsWith("/forbidden?ReturnUrl=%2Flegal", page.Url);
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not for your roles" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with other roles" })).ToHaveAttributeAsync("href", "/signin?returnUrl=%2Flegal");
    }
}
