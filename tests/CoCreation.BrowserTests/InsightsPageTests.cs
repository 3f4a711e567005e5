using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Insights' page in Chromium: a brand finds it from the brand page, reads the figures and charts, narrows the period, downloads a table.</summary>
[Collection(BrowserCollection.Name)]
public class InsightsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_brand_opens_its_campaigns_insights_from_the_brand_page_and_another_brand_finds_nothing()
    {
        var title = $"Ferry with a drawbridge {Guid.NewGuid():N}"[..32];
        var stage = await browser.PublishedStage(title);
        var voter = await browser.Token($"voter-{Guid.NewGuid():N}"[..14], "participant");
        await browser.Send(HttpMethod.Post, $"/api/ideas/{stage.IdeaId}/votes", voter, new { });
        var brandToken = await browser.Token(stage.Brand, "brand");
        // Insights notes the campaign and the vote a moment after the other modules record them.
        await browser.WaitForInsights(stage.CampaignId, brandToken, r => r.GetProperty("engagement").GetProperty("votesCast").GetInt32() == 1);

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, stage.Brand, "brand");
        await page.GotoAsync("/brand");
        await page.Locator($"a[href='/campaigns/{stage.CampaignId}/insights']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Insights: Harbour sets");

        var engagement = page.GetByTestId("engagement");
        await Assertions.Expect(engagement.Locator("[data-figure=ideasSubmitted]")).ToHaveTextAsync("1");
        await Assertions.Expect(engagement.Locator("[data-figure=ideasPublished]")).ToHaveTextAsync("1");
        await Assertions.Expect(engagement.Locator("[data-figure=votesCast]")).ToHaveTextAsync("1");
        // The author and the voter.
        await Assertions.Expect(engagement.Locator("[data-figure=activeMembers]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Engagement over time" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("engagement-chart").Locator("polyline[data-series=votes]")).ToHaveCountAsync(1);
        var published = page.GetByTestId("funnel-chart").Locator("rect[data-stage=Published]");
        await Assertions.Expect(published).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.GetByTestId("funnel").Locator("tr[data-stage=Submitted]")).ToContainTextAsync("1");
        await Screenshots.Take(page, "insights");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the funnel (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("Stage,Count,Conversion,MedianDaysFromPrevious\r\nSubmitted,1,", csv);

        await page.GetByLabel("From (UTC day)").FillAsync("2020-01-01");
        await page.GetByLabel("To (UTC day)").FillAsync("2020-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the period" }).ClickAsync();
        await Assertions.Expect(engagement.Locator("[data-figure=votesCast]")).ToHaveTextAsync("0");
        Assert.Contains("from=2020-01-01", page.Url);

        var other = await browser.NewPage();
        await BrowserFixture.SignIn(other, $"rival-{Guid.NewGuid():N}"[..14], "brand");
        var response = await other.GotoAsync($"/campaigns/{stage.CampaignId}/insights");
        Assert.Equal(404, response!.Status);
        var member = await browser.NewPage();
        await BrowserFixture.SignIn(member, $"member-{Guid.NewGuid():N}"[..15], "participant");
        Assert.Equal(404, (await member.GotoAsync($"/campaigns/{stage.CampaignId}/insights"))!.Status);
    }
}
