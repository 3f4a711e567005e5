using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>The moderator's queue in Chromium: an idea submitted through the API is approved from the page alone.</summary>
[Collection(BrowserCollection.Name)]
public class ModerationPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_moderator_approves_a_submitted_idea_from_the_queue_page_and_it_is_published()
    {
        var title = $"Tugboat with a towline {Guid.NewGuid():N}"[..32];
        var ideaId = await SubmittedIdea(title);
        var moderator = $"mod-{Guid.NewGuid():N}"[..12];
        var anonymous = await browser.NewPage();
        await anonymous.GotoAsync("/moderation");
        Assert.Contains("/signin?returnUrl=%2Fmoderation", anonymous.Url);
        await anonymous.Context.CloseAsync();

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, moderator, "moderator");
        await page.GotoAsync("/moderation");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true })).ToBeVisibleAsync();
        var item = page.GetByRole(AriaRole.Article, new() { Name = title });
        await Assertions.Expect(item).ToContainTextAsync("A tug that pulls barges.");
        await Assertions.Expect(item.GetByTestId("flags")).ToHaveTextAsync("0");

        await item.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Reject and Hide need a reason code.");

        item = page.GetByRole(AriaRole.Article, new() { Name = title });
        await item.GetByLabel("Note").FillAsync("Fits the brief.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = title })).ToHaveCountAsync(0);

        var token = await browser.Token(moderator, "moderator");
        var status = await BrowserFixture.Eventually(async () =>
        {
            var idea = await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", token);
            return idea.GetProperty("status").GetString() == "Published" ? (bool?)true : null;
        });
        Assert.True(status);

        await page.GotoAsync($"/moderation/log?subjectId={ideaId}");
        var decided = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Decided" });
        await Assertions.Expect(decided).ToContainTextAsync("Approve: Fits the brief.");
        await Assertions.Expect(decided).ToContainTextAsync(moderator);
    }

    [Fact]
    public async Task A_participant_opening_the_moderation_page_does_not_see_the_queue()
    {
        var title = $"Buoy with a bell {Guid.NewGuid():N}"[..24];
        await SubmittedIdea(title);
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"fan-{Guid.NewGuid():N}"[..12], "participant");

        var response = await page.GotoAsync("/moderation");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This page is for moderators.");
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText(title)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>An idea submitted to a fresh open campaign through the API, waiting in the moderation queue.</summary>
    private async Task<Guid> SubmittedIdea(string title)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brand = await browser.Token($"brand-{suffix}", "brand");
        var authorToken = await browser.Token($"author-{suffix}", "participant");
        var moderator = await browser.Token($"queue-{suffix}", "moderator");
        var legal = await browser.Token($"legal-{suffix}", "legal");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", legal, new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", authorToken);
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand, new { title = $"Harbour tugs {suffix}", brief = "Sets about tugs and barges." })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", authorToken,
            new { title, description = "A tug that pulls barges.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        await BrowserFixture.Eventually(async () =>
        {
            var queue = await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderator);
            return queue.EnumerateArray().Any(i => i.GetProperty("subjectId").GetGuid() == ideaId) ? (bool?)true : null;
        });
        return ideaId;
    }
}
