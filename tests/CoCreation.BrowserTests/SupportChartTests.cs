using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Voting's parts of the pages: the supporters-over-time chart on the idea page, "What I support" on /me, the vote budget.</summary>
[Collection(BrowserCollection.Name)]
public class SupportChartTests(BrowserFixture browser)
{
    private static string Member(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static ILocator SupportButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true });

    [Fact]
    public async Task The_chart_on_the_idea_page_grows_when_a_member_supports_the_idea()
    {
        var (_, ideaId, _) = await browser.PublishedIdea("Harbour crane with a turning cab");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Member("fan"), "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        var chart = page.GetByTestId("support-chart");
        await Assertions.Expect(chart.GetByRole(AriaRole.Img, new() { Name = "Supporters over time" })).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("figcaption")).ToContainTextAsync("0 supporters today.");
        await Assertions.Expect(chart.Locator("figcaption")).ToContainTextAsync("Next milestone: 100 supporters by");
        var before = await chart.Locator("path.curve").GetAttributeAsync("d");

        await SupportButton(page).ClickAsync();
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync("1");
        await Assertions.Expect(chart.Locator("figcaption")).ToContainTextAsync("1 supporter today.");
        Assert.NotEqual(before, await chart.Locator("path.curve").GetAttributeAsync("d"));
        await chart.GetByText("Supporters by day, as a table").ClickAsync();
        await Assertions.Expect(chart.Locator("table").First.Locator("tbody tr").Last.Locator("td").Last).ToHaveTextAsync("1");
        await Screenshots.Take(page, "idea-chart");

        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync($"/ideas/{ideaId}");
        var width = await chart.Locator("svg").EvaluateAsync<double>("svg => svg.getBoundingClientRect().width");
        Assert.InRange(width, 200, 375);
        await Screenshots.Take(page, "idea-chart-375px");

        var french = await (await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "fr-FR" })).NewPageAsync();
        await french.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(french.GetByRole(AriaRole.Img, new() { Name = "Soutiens au fil du temps" })).ToBeVisibleAsync();
        await Assertions.Expect(french.GetByTestId("support-chart").Locator("figcaption")).ToContainTextAsync("1 soutien aujourd’hui.");
        await Assertions.Expect(french.GetByRole(AriaRole.Link, new() { Name = "Connectez-vous pour soutenir" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task What_I_support_on_my_page_lists_the_idea_and_retracts_from_there()
    {
        var (_, ideaId, _) = await browser.PublishedIdea("Tugboat with a fire pump");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Member("fan"), "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await SupportButton(page).ClickAsync();
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync("1");

        await page.GotoAsync("/me");
        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "What I support" }) });
        await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { Name = "Tugboat with a fire pump" })).ToHaveAttributeAsync("href", $"/ideas/{ideaId}");
        await Assertions.Expect(section).ToContainTextAsync("1 supporter");
        await Screenshots.Take(page, "me-support");
        await section.GetByRole(AriaRole.Button, new() { Name = "Retract support" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/me"));
        await Assertions.Expect(section).ToContainTextAsync("You do not support any idea yet.");
        var tally = await browser.Api.GetFromJsonAsync<JsonElement>($"/api/ideas/{ideaId}/tally");
        Assert.Equal(0, tally.GetProperty("supporters").GetInt32());
    }

    [Fact]
    public async Task A_member_who_spent_the_campaigns_budget_sees_no_votes_left_until_they_retract()
    {
        var (first, second) = await TwoIdeasWithABudgetOfOne();
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Member("fan"), "participant");
        await page.GotoAsync($"/ideas/{first}");
        await SupportButton(page).ClickAsync();
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync("1");

        await page.GotoAsync($"/ideas/{second}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "No votes left" })).ToBeDisabledAsync();

        await page.GotoAsync($"/ideas/{first}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retract support" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync("0");
        await page.GotoAsync($"/ideas/{second}");
        await Assertions.Expect(SupportButton(page)).ToBeEnabledAsync();
    }

    [Fact]
    public async Task In_a_campaign_that_hides_tallies_a_member_sees_the_count_and_the_chart_once_they_support()
    {
        var (first, second) = await TwoIdeas(new { mode = "support", hideTalliesUntilVoted = true });
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Member("fan"), "participant");
        await page.GotoAsync($"/ideas/{first}");
        await Assertions.Expect(page.GetByTestId("supporters-hidden")).ToHaveTextAsync("Supporters are hidden until you support this idea.");
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("support-chart")).ToHaveCountAsync(0);
        await Screenshots.Take(page, "idea-tallies-hidden");

        await SupportButton(page).ClickAsync();
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("support-chart").Locator("figcaption")).ToContainTextAsync("1 supporter today.");
        await page.GotoAsync($"/ideas/{second}");
        await Assertions.Expect(page.GetByTestId("supporters-hidden")).ToBeVisibleAsync();
    }

    /// <summary>Two published ideas in a fresh campaign that gives each member one vote, through the API.</summary>
    private Task<(Guid, Guid)> TwoIdeasWithABudgetOfOne() => TwoIdeas(new { mode = "support", budgetPerMember = 1 });

    private async Task<(Guid, Guid)> TwoIdeas(object voting)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brand = await browser.Token($"brand-{suffix}", "brand");
        var moderator = await browser.Token($"mod-{suffix}", "moderator");
        var authorToken = await browser.Token($"author-{suffix}", "participant");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", await browser.Token($"legal-{suffix}", "legal"),
                new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", authorToken);
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand,
            new { title = $"One vote each {suffix}", brief = "Choose well.", voting })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        var ideas = new List<Guid>();
        foreach (var title in new[] { "Dredger with a long arm", "Buoy tender with a crane" })
        {
            var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", authorToken,
                new { title, description = "A working boat of the harbour.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
            var item = await BrowserFixture.Eventually(async () =>
            {
                var queue = await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderator);
                return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault();
            });
            await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderator, new { decision = "Approve" });
            await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{ideaId}/tally")).IsSuccessStatusCode ? (bool?)true : null);
            ideas.Add(ideaId);
        }
        return (ideas[0], ideas[1]);
    }
}
