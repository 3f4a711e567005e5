using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>A brand member registers a webhook from the brand page, sees its secret once and its deliveries, sends one again and removes it.</summary>
[Collection(BrowserCollection.Name)]
public class WebhooksPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_brand_member_registers_an_endpoint_sees_its_secret_once_its_deliveries_and_removes_it()
    {
        var stage = await browser.PublishedStage("Pilot boat with a radar mast");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, stage.Brand, "brand");
        await page.GotoAsync("/brand");
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();

        // Without a kind the form is refused and says why.
        await page.GetByLabel("Address (https)").FillAsync("https://hooks.example.invalid/cocreation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Give an https address without credentials and tick at least one kind.")).ToBeVisibleAsync();

        await page.GetByLabel("Address (https)").FillAsync("https://hooks.example.invalid/cocreation");
        await page.GetByLabel("comment.posted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-secret")).ToContainTextAsync("whsec_");
        await Assertions.Expect(page.GetByTestId("webhook-endpoint")).ToContainTextAsync("https://hooks.example.invalid/cocreation");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("webhook-secret")).ToHaveCountAsync(0);

        // A comment on the campaign's idea is queued for the endpoint (which cannot be reached: it waits for its retry).
        await browser.Send(HttpMethod.Post, $"/api/ideas/{stage.IdeaId}/comments", await browser.Token($"fan-{Guid.NewGuid():N}"[..12], "participant"), new { text = "Is the mast foldable?" });
        await BrowserFixture.Eventually(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByTestId("webhook-delivery").CountAsync() == 1 ? (bool?)true : null;
        });
        await Assertions.Expect(page.GetByTestId("webhook-delivery")).ToContainTextAsync("comment.posted");
        await Screenshots.Take(page, "brand-webhooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send again the comment.posted", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-delivery")).ToHaveAttributeAsync("data-status", "Pending");

        // Another brand sees none of it.
        var rival = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(rival, $"rival-{Guid.NewGuid():N}"[..12], $"rival-org-{Guid.NewGuid():N}"[..16], "brand");
        await rival.GotoAsync("/brand/webhooks");
        await Assertions.Expect(rival.GetByTestId("webhook-endpoint")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the endpoint", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-endpoint")).ToHaveCountAsync(0);
    }
}
