using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>A moderator merges a duplicate from its page, finds its support on the target, and undoes the merge from the merged idea's page.</summary>
[Collection(BrowserCollection.Name)]
public class MergePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_moderator_merges_a_duplicate_into_the_chosen_idea_and_undoes_it_from_the_page()
    {
        var stage = await browser.PublishedStage("Harbour crane on rails");
        var authorToken = await browser.Token(stage.Author, "participant");
        var moderatorToken = await browser.Token(stage.Moderator, "moderator");
        var duplicate = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{stage.CampaignId}/ideas", authorToken,
            new { title = "Rail-mounted harbour crane", description = "A crane that runs along the quay.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        var item = await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderatorToken)).EnumerateArray()
                .Where(i => i.GetProperty("subjectId").GetGuid() == duplicate).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault());
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderatorToken, new { decision = "Approve" });
        await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{duplicate}/tally")).IsSuccessStatusCode ? (bool?)true : null);
        await browser.Send(HttpMethod.Post, $"/api/ideas/{duplicate}/votes", await browser.Token($"fan-{Guid.NewGuid():N}"[..12], "participant"), new { });

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"mod2-{Guid.NewGuid():N}"[..12], "moderator");
        await page.GotoAsync($"/ideas/{duplicate}");
        await page.GetByLabel("Duplicate of").SelectOptionAsync(new SelectOptionValue { Label = "Harbour crane on rails" });
        await page.GetByLabel("Note for the authors and supporters (optional)").FillAsync("The same crane, posted twice.");
        await Screenshots.Take(page, "idea-merge-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge into the chosen idea" }).ClickAsync();

        // The merge lands on the target, whose count takes the duplicate's supporter once Voting has moved it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Harbour crane on rails" })).ToBeVisibleAsync();
        await BrowserFixture.Eventually(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByTestId("supporters").TextContentAsync() == "1" ? (bool?)true : null;
        });
        await Assertions.Expect(page.GetByText("Another idea was merged into this one: its support counts here.", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync($"/ideas/{duplicate}");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Merged");
        await Assertions.Expect(page.GetByTestId("merged-into").GetByRole(AriaRole.Link, new() { Name = "Go to the idea it was merged into" }))
            .ToHaveAttributeAsync("href", $"/ideas/{stage.IdeaId}");
        await Screenshots.Take(page, "idea-merged");

        // A visitor is told the merged idea does not exist.
        var visitor = await browser.NewPage();
        var response = await visitor.GotoAsync($"/ideas/{duplicate}");
        Assert.Equal(404, response!.Status);

        await page.GetByLabel("Why the merge is undone (optional)").FillAsync("Different cranes after all.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the merge" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Published");
        await BrowserFixture.Eventually(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByTestId("supporters").TextContentAsync() == "1" ? (bool?)true : null;
        });
        await Assertions.Expect(page.GetByText("Different cranes after all.", new() { Exact = false })).ToBeVisibleAsync();
    }
}
