using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Submitting an idea through the pages alone: field errors beside the fields, the agreement on the way, and back.</summary>
[Collection(BrowserCollection.Name)]
public class SubmitIdeaPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_member_submits_an_idea_after_accepting_the_agreement_on_the_way()
    {
        var (campaignId, version) = await OpenCampaignWithAgreementKnown();
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"maker-{Guid.NewGuid():N}"[..14], "participant");

        await page.GotoAsync($"/campaigns/{campaignId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit an idea" }).ClickAsync();
        await page.WaitForURLAsync($"**/campaigns/{campaignId}/ideas/new");
        var title = page.GetByLabel("Title");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit idea" }).ClickAsync();
        await Assertions.Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(title).ToHaveAccessibleDescriptionAsync(new Regex("'title' must be between 5 and 120 characters"));
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.Take(page, "submit-idea-errors");

        await title.FillAsync("Ferry with a folding bow");
        await page.GetByLabel("Description").FillAsync("The bow folds up so cars drive on and off.\nA second deck for lorries.");
        await page.GetByLabel("Tags (comma separated)").FillAsync("sea, ferry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit idea" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agreement");
        Assert.Contains(Uri.EscapeDataString($"/campaigns/{campaignId}/ideas/new"), page.Url);
        await Assertions.Expect(page.GetByTestId("agreement-version")).ToHaveTextAsync(version);
        await Screenshots.Take(page, "agreement");

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept agreement" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/campaigns/{campaignId}/ideas/new");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Ferry with a folding bow");
        await Assertions.Expect(page.GetByLabel("Tags (comma separated)")).ToHaveValueAsync("sea, ferry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit idea" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/ideas/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ferry with a folding bow" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.GetByText("Tags: sea, ferry")).ToBeVisibleAsync();

        await page.GotoAsync("/agreement");
        await Assertions.Expect(page.GetByText(new Regex($"You accepted version {Regex.Escape(version)} on \\d"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept agreement" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Accepting_never_sends_the_member_to_another_site()
    {
        await OpenCampaignWithAgreementKnown();
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"reader-{Guid.NewGuid():N}"[..15], "participant");
        await page.GotoAsync("/agreement?returnUrl=" + Uri.EscapeDataString("//example.org/phish"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept agreement" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("You accepted version .+ on \\d"))).ToBeVisibleAsync();
        Assert.Equal("/agreement", new Uri(page.Url).AbsolutePath);
        Assert.StartsWith(browser.BaseUrl, page.Url);
    }

    [Fact]
    public async Task A_closed_campaign_takes_no_ideas_and_its_page_offers_none()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brand = await browser.Token($"brand-{suffix}", "brand");
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand, new { title = $"Closed docks {suffix}", brief = "Docks." })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/close", brand);
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"late-{Guid.NewGuid():N}"[..13], "participant");
        await page.GotoAsync($"/campaigns/{campaignId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Closed docks {suffix}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Submit an idea" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/campaigns/{campaignId}/ideas/new");
        await Assertions.Expect(page.GetByText("ideas can be submitted only while it is open")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit idea" })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// An open campaign and a published agreement, through the API; waits until Ideation has heard of the agreement
    /// (a member who has not accepted it is refused), since it learns of it through a message.
    /// </summary>
    private async Task<(Guid CampaignId, string Version)> OpenCampaignWithAgreementKnown()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brand = await browser.Token($"brand-{suffix}", "brand");
        var legal = await browser.Token($"legal-{suffix}", "legal");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", legal, new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand, new { title = $"Ferry sets {suffix}", brief = "Sets about ferries." })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        await BrowserFixture.Eventually(async () =>
        {
            var probe = await browser.Token($"probe-{Guid.NewGuid():N}"[..14], "participant");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas")
            {
                Content = JsonContent.Create(new { title = "Probe for the agreement", description = "Probe." })
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", probe);
            var response = await browser.Api.SendAsync(request);
            return (await response.Content.ReadAsStringAsync()).Contains("agreement-not-accepted") ? (bool?)true : null;
        });
        return (campaignId, version);
    }
}
