using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>The host's own pages in Chromium: a campaign's replay (brand, legal), erasing a member (admin), the audit chain (legal).</summary>
[Collection(BrowserCollection.Name)]
public class ReplayAndAdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_brand_replays_its_campaign_to_before_an_idea_was_published_filters_the_history_and_another_brand_finds_nothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organisation = $"replay-{suffix}";
        var brand = $"brand-{suffix}";
        var title = $"Lighthouse with a lens {suffix}";
        var (campaignId, ideaId) = await IdeaPublishedAfterASecond(brand, organisation, title);
        var brandToken = await browser.TokenForOrganisation(brand, organisation, "brand");
        var history = await browser.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history", brandToken);
        var submittedAt = history.EnumerateArray().First(e => e.GetProperty("type").GetString() == "idea_submitted").GetProperty("at").GetDateTimeOffset();
        var publishedAt = history.EnumerateArray().First(e => e.GetProperty("type").GetString() == "idea_published").GetProperty("at").GetDateTimeOffset();
        var between = new DateTimeOffset(submittedAt.UtcTicks - submittedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
        Assert.True(between < publishedAt, $"{between:O} is not before {publishedAt:O}");

        var page = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(page, brand, organisation, "brand");
        await page.GotoAsync($"/campaigns/{campaignId}/replay");
        var idea = page.GetByTestId("ideas-at").GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Assertions.Expect(idea).ToContainTextAsync("Published");

        await page.GetByLabel("Instant (UTC)").FillAsync(between.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync(between.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Assertions.Expect(idea).ToContainTextAsync("Submitted");
        await Assertions.Expect(idea).Not.ToContainTextAsync("Published");

        // The slider's start is the campaign's first event, before the idea existed; moving it shows that instant by itself.
        await page.GetByLabel("Over the campaign's life").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(page.GetByText("No ideas yet at this instant.")).ToBeVisibleAsync();
        Assert.Contains("pos=0", page.Url);

        await page.GotoAsync($"/campaigns/{campaignId}/replay?limit=2");
        var caption = page.GetByTestId("history").Locator("caption");
        var firstPage = await caption.TextContentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Newer", Exact = true }).ClickAsync();
        await Assertions.Expect(caption).Not.ToHaveTextAsync(firstPage!);
        Assert.Contains("after=", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Older", Exact = true }).ClickAsync();
        await Assertions.Expect(caption).ToHaveTextAsync(firstPage!);

        await page.GetByLabel("Module").SelectOptionAsync("Moderation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        var rows = page.GetByTestId("history").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("Moderation");
        foreach (var module in await rows.Locator("td:nth-child(2)").AllTextContentsAsync()) Assert.Equal("Moderation", module);
        Assert.Contains("module=Moderation", page.Url);
        await Screenshots.Take(page, "replay");

        var other = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(other, $"rival-{suffix}", $"rival-{suffix}", "brand");
        var response = await other.GotoAsync($"/campaigns/{campaignId}/replay");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText(title)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_erases_a_member_only_once_confirmed_and_their_words_leave_the_idea_page()
    {
        var title = $"Pier with a crane {Guid.NewGuid():N}"[..30];
        var (_, ideaId, author) = await browser.PublishedIdea(title);
        var comment = $"Make the crane yellow {Guid.NewGuid():N}"[..34];
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", await browser.Token(author, "participant"), new { text = comment });
        var reader = await browser.NewPage();
        await BrowserFixture.Eventually(async () =>
        {
            await reader.GotoAsync($"/ideas/{ideaId}");
            return await reader.GetByText(comment).CountAsync() > 0 ? (bool?)true : null;
        });

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"admin-{Guid.NewGuid():N}"[..14], "admin");
        await page.GotoAsync("/admin/members");
        await page.GetByLabel("User id").FillAsync(author);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-id")).ToHaveTextAsync(author);

        var erase = page.GetByRole(AriaRole.Button, new() { Name = "Erase personal data", Exact = true });
        await page.GetByLabel("Type the user id to confirm").FillAsync(author);
        await erase.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was erased");
        await page.GetByLabel("I understand this cannot be undone").CheckAsync();
        await page.GetByLabel("Type the user id to confirm").FillAsync(author + "x");
        await erase.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was erased");
        await reader.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(reader.GetByText(comment)).ToBeVisibleAsync();

        await page.GetByLabel("I understand this cannot be undone").CheckAsync();
        await page.GetByLabel("Type the user id to confirm").FillAsync(author);
        await erase.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Erased what {author} wrote in");
        await Screenshots.Take(page, "admin-member");

        await reader.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(reader.GetByText(comment)).ToHaveCountAsync(0);
        await Assertions.Expect(reader.GetByText(title)).ToHaveCountAsync(0);
        await Assertions.Expect(reader.GetByText("[erased]").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Legal_sees_the_audit_chain_verify_and_a_participant_does_not()
    {
        await browser.Send(HttpMethod.Post, "/api/campaigns", await browser.Token($"brand-{Guid.NewGuid():N}"[..14], "brand"),
            new { title = "A campaign for the chain", brief = "Something to chain." });
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"legal-{Guid.NewGuid():N}"[..14], "legal");
        var chain = page.GetByTestId("audit-chain");
        // The chain is extended in the background: on a fresh log its head may be a moment behind the first events.
        await BrowserFixture.Eventually(async () =>
        {
            await page.GotoAsync("/audit");
            var events = long.Parse((await chain.GetByTestId("audit-events").TextContentAsync())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            return events > 0 ? (bool?)true : null;
        });
        await Assertions.Expect(chain.GetByRole(AriaRole.Status)).ToHaveTextAsync("Valid: every event up to the chain's head verifies.");
        await Assertions.Expect(chain.GetByTestId("audit-head")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{16,}$"));

        var participant = await browser.NewPage();
        await BrowserFixture.SignIn(participant, $"fan-{Guid.NewGuid():N}"[..12], "participant");
        var response = await participant.GotoAsync("/audit");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(participant.GetByTestId("audit-chain")).ToHaveCountAsync(0);
    }

    /// <summary>A campaign of the organisation whose idea was submitted, then published more than a second later, through the API.</summary>
    private async Task<(Guid CampaignId, Guid IdeaId)> IdeaPublishedAfterASecond(string brand, string organisation, string title)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brandToken = await browser.TokenForOrganisation(brand, organisation, "brand");
        var author = await browser.Token($"author-{suffix}", "participant");
        var moderator = await browser.Token($"mod-{suffix}", "moderator");
        var legal = await browser.Token($"legal-{suffix}", "legal");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", legal, new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", author);
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brandToken, new { title = $"Coast lights {suffix}", brief = "Sets about lighthouses." })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brandToken);
        await Task.Delay(1100);
        var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", author,
            new { title, description = "A lighthouse whose lens turns.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        var item = await BrowserFixture.Eventually(async () =>
        {
            var queue = await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderator);
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault();
        });
        await Task.Delay(1100);
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderator, new { decision = "Approve" });
        await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{ideaId}/tally")).IsSuccessStatusCode ? (bool?)true : null);
        return (campaignId, ideaId);
    }
}
