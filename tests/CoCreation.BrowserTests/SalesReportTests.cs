using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>
/// A brand reports a selected idea's sales through Rewards' form (shown in the brand page's brand.idea slot): the form's
/// endpoint runs the same command as the API and answers with a redirect back to the page it came from.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SalesReportTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_brand_reports_a_selected_ideas_sales_through_the_sales_form_and_a_period_twice_is_refused()
    {
        var (ideaId, brand, brandToken) = await SelectedIdea();
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, brand, "brand");
        await page.GotoAsync("/");
        var formToken = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");

        async Task<string> Report(string period, string netSales) =>
            (await page.APIRequest.PostAsync($"/ideas/{ideaId}/sales", new()
            {
                Form = page.APIRequest.CreateFormData()
                    .Set("__RequestVerificationToken", formToken!).Set("period", period).Set("netSales", netSales)
                    .Set("currency", "EUR").Set("returnUrl", "/brand?campaign=x"),
                MaxRedirects = 0
            })).Headers["location"];

        Assert.Equal($"/brand?campaign=x&sales={ideaId}&salesReported=2027-Q1#sales-{ideaId}", await Report("2027-Q1", "1000.50"));
        var sales = await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/sales", brandToken);
        var report = Assert.Single(sales.GetProperty("reports").EnumerateArray());
        Assert.Equal(1000.50m, report.GetProperty("netSales").GetDecimal());
        Assert.Equal(20.01m, report.GetProperty("royalty").GetDecimal());

        Assert.Equal($"/brand?campaign=x&sales={ideaId}&salesRefused=period-already-reported#sales-{ideaId}", await Report("2027-Q1", "5"));
        Assert.Equal($"/brand?campaign=x&sales={ideaId}&salesRefused=validation&salesField=netSales#sales-{ideaId}", await Report("2027-Q2", "1,000.50"));
        Assert.Single((await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/sales", brandToken)).GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public async Task A_brand_reports_sales_from_the_brand_page_and_reads_them_with_the_royalties_paid()
    {
        var (ideaId, brand, _) = await SelectedIdea();
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, brand, "brand");
        await page.GotoAsync("/brand");
        var sales = page.Locator($"#sales-{ideaId}");
        await sales.GetByLabel("Period (for example 2027-Q1)").FillAsync("2027-Q1");
        await sales.GetByLabel("Net sales").FillAsync("1000.50");
        await sales.GetByRole(AriaRole.Button, new() { Name = "Report sales", Exact = true }).ClickAsync();
        sales = page.Locator($"#sales-{ideaId}");
        await Assertions.Expect(sales.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sales of 2027-Q1 reported.");
        await Assertions.Expect(sales.GetByRole(AriaRole.Row).Filter(new() { HasText = "2027-Q1" })).ToContainTextAsync("20.01 EUR");

        await sales.GetByLabel("Period (for example 2027-Q1)").FillAsync("2027-Q1");
        await sales.GetByLabel("Net sales").FillAsync("5");
        await sales.GetByRole(AriaRole.Button, new() { Name = "Report sales", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#sales-{ideaId}").GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Sales of this period were already reported for this idea.");
    }

    /// <summary>A published idea of a campaign paying 2 % royalties whose one milestone is one supporter, supported and selected through the API.</summary>
    private async Task<(Guid IdeaId, string Brand, string BrandToken)> SelectedIdea()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brand = $"brand-{suffix}";
        var brandToken = await browser.Token(brand, "brand");
        var authorToken = await browser.Token($"author-{suffix}", "participant");
        var fanToken = await browser.Token($"fan-{suffix}", "participant");
        var moderator = await browser.Token($"mod-{suffix}", "moderator");
        var legal = await browser.Token($"legal-{suffix}", "legal");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", legal, new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", authorToken);
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brandToken, new
        {
            title = $"Harbour sales {suffix}", brief = "Sets that sell.",
            milestones = new[] { new { supporters = 1, withinDays = 30 } },
            rewards = new { royaltyPercent = 2m }
        })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brandToken);
        var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", authorToken,
            new { title = $"Container crane {suffix}", description = "A crane that lifts boxes.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        var item = await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderator)).EnumerateArray()
            .Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault());
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderator, new { decision = "Approve" });
        await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{ideaId}/tally")).IsSuccessStatusCode ? (bool?)true : null);
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", fanToken, new { });
        await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", brandToken)).GetProperty("status").GetString() == "UnderReview" ? (bool?)true : null);
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", brandToken, new { outcome = "Selected", note = "Into production." });
        // Rewards learns of the selection from a message: its sales are 404 until it knows the idea.
        await BrowserFixture.Eventually(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ideas/{ideaId}/sales");
            request.Headers.Authorization = new("Bearer", brandToken);
            var response = await browser.Api.SendAsync(request);
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("selected").GetBoolean() ? (bool?)true : null;
        });
        return (ideaId, brand, brandToken);
    }
}
