using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Review rounds on the brand page (docs/adr/0034), in Chromium: open, decide privately, close and publish.</summary>
[Collection(BrowserCollection.Name)]
public class ReviewRoundPageTests(BrowserFixture browser)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>An idea approved by a moderator and supported once: with a one-supporter ladder it waits under review.</summary>
    private async Task<Guid> UnderReview(Guid campaignId, string title, string brand)
    {
        var author = Unique("author");
        var token = await browser.Token(author, "participant");
        await browser.AcceptAgreement(token);
        var moderator = await browser.Token(Unique("mod"), "moderator");
        var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token,
            new { title, description = $"{title}, for the harbour.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        var item = await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderator)).EnumerateArray()
                .Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault());
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderator, new { decision = "Approve" });
        await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{ideaId}/tally")).IsSuccessStatusCode ? (bool?)true : null);
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", await browser.Token(Unique("fan"), "participant"), new { });
        await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", brand)).GetProperty("status").GetString() == "UnderReview" ? (bool?)true : null);
        return ideaId;
    }

    [Fact]
    public async Task The_brand_opens_a_round_decides_privately_and_closing_publishes_every_result()
    {
        var (organisation, brandId) = (Unique("org"), Unique("brand"));
        var brand = await browser.TokenForOrganisation(brandId, organisation, "brand");
        var title = $"Review harbour {Guid.NewGuid():N}"[..24];
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand, new
        {
            title, brief = "Harbour sets, reviewed in rounds.", milestones = new[] { new { supporters = 1, withinDays = 30 } }, review = new { rounds = true }
        })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        var ferry = await UnderReview(campaignId, "Ferry with a folding ramp", brand);
        var crane = await UnderReview(campaignId, "Crane on rails", brand);

        var page = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(page, brandId, organisation, "brand");
        await page.GotoAsync("/brand");
        var rounds = page.Locator($"#rounds-{campaignId}");
        await Assertions.Expect(rounds.GetByTestId("waiting-for-round")).ToHaveTextAsync("Ideas waiting for the next round: 2");
        await rounds.GetByRole(AriaRole.Button, new() { Name = "Open review round 1 with 2 ideas" }).ClickAsync();
        await Assertions.Expect(rounds.GetByRole(AriaRole.Heading, new() { Name = "Round 1, opened", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(rounds.GetByTestId("undecided-in-round")).ToHaveTextAsync("Ideas without a decision: 2");

        var first = page.Locator($"#idea-{ferry}");
        await first.GetByLabel("Selected", new() { Exact = true }).CheckAsync();
        await first.GetByLabel("Note to the authors").FillAsync("The ramp won us over.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#idea-{ferry}").GetByTestId("pending-decision")).ToContainTextAsync("Your decision: Selected");
        // Still under review for everyone else until the round closes.
        Assert.Equal("UnderReview", (await browser.Send(HttpMethod.Get, $"/api/ideas/{ferry}", await browser.Token(Unique("visitor"), "participant"))).GetProperty("status").GetString());

        await page.Locator($"#rounds-{campaignId}").GetByRole(AriaRole.Button, new() { Name = "Close round 1 and publish its results" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Decide every idea of the round before closing it.");

        var second = page.Locator($"#idea-{crane}");
        await second.GetByLabel("Not selected", new() { Exact = true }).CheckAsync();
        await second.GetByLabel("Note to the authors").FillAsync("Too close to a set we sell.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#rounds-{campaignId}").GetByTestId("undecided-in-round")).ToHaveTextAsync("Ideas without a decision: 0");
        await Screenshots.Take(page, "brand-review-round");
        await page.Locator($"#rounds-{campaignId}").GetByRole(AriaRole.Button, new() { Name = "Close round 1 and publish its results" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#rounds-{campaignId}").GetByTestId("past-round")).ToContainTextAsync("1 selected, 1 not selected.");

        var idea = await browser.NewPage();
        await idea.GotoAsync($"/ideas/{ferry}");
        await Assertions.Expect(idea.GetByTestId("status")).ToHaveTextAsync("Selected");
        await Assertions.Expect(idea.GetByText("Review round 1 result: The ramp won us over.")).ToBeVisibleAsync();
        await Assertions.Expect(idea.GetByText("In review round 1:", new() { Exact = false })).ToBeVisibleAsync();
        await Screenshots.Take(idea, "idea-round-result");
        await idea.GotoAsync($"/campaigns/{campaignId}");
        await Assertions.Expect(idea.GetByText("The brand reviews in rounds:", new() { Exact = false })).ToBeVisibleAsync();
    }
}
