using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>
/// Every page of the contract, opened by the role it is for, in English and French, runs axe-core (WCAG 2 A/AA rules):
/// no serious or critical violation. Each page must answer 200, so a page that is missing cannot pass as its not-found page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static BrowserFixture.Stage? stage;

    public static IEnumerable<object[]> Pages() =>
    [
        ["anonymous", "/"], ["anonymous", "/campaigns/{campaign}"], ["anonymous", "/ideas/{idea}"], ["anonymous", "/signin"],
        ["member", "/ideas/{idea}"], ["member", "/agreement"], ["member", "/me"], ["author", "/campaigns/{campaign}/ideas/new"],
        ["author", "/ideas/{idea}"], ["author", "/ideas/{idea}/edit"], ["author", "/ideas/{idea}/provenance"], ["author", "/me"],
        ["moderator", "/moderation"], ["moderator", "/moderation/log?subjectId={idea}"],
        ["brand", "/brand"], ["brand", "/brand/webhooks"], ["brand", "/campaigns/{campaign}/replay"], ["brand", "/ideas/{idea}"],
        ["legal", "/legal"], ["legal", "/ideas/{idea}/provenance"], ["legal", "/campaigns/{campaign}/replay"],
        ["brand", "/campaigns/{campaign}/insights"], ["legal", "/campaigns/{campaign}/insights"],
        ["admin", "/admin/members/{author}"]
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_serious_accessibility_violation(string who, string route)
    {
        var world = await World();
        var path = route.Replace("{campaign}", world.CampaignId.ToString()).Replace("{idea}", world.IdeaId.ToString()).Replace("{author}", world.Author);
        foreach (var locale in new[] { "en-GB", "fr-FR" })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = locale });
            var page = await context.NewPageAsync();
            switch (who)
            {
                case "member": await BrowserFixture.SignIn(page, "reader-a11y", "participant"); break;
                case "author": await BrowserFixture.SignIn(page, world.Author, "participant"); break;
                case "moderator": await BrowserFixture.SignIn(page, world.Moderator, "moderator"); break;
                case "brand": await BrowserFixture.SignIn(page, world.Brand, "brand"); break;
                case "legal": await BrowserFixture.SignIn(page, world.Legal, "legal"); break;
                case "admin": await BrowserFixture.SignIn(page, "admin-a11y", "admin"); break;
            }
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{who} {path} ({locale}): {response.Status}");
            var results = await page.RunAxe();
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(serious.Count == 0, $"{who} {path} ({locale}):\n" + string.Join("\n", serious));
            var markup = await page.EvaluateAsync<string[]>(MarkupProblems);
            Assert.True(markup.Length == 0, $"{who} {path} ({locale}):\n" + string.Join("\n", markup));
            await context.CloseAsync();
        }
    }

    /// <summary>What axe does not check of valid markup: ids unique, labels pointing at a field, no form in a form,
    /// one main landmark, one h1.</summary>
    private const string MarkupProblems = """
        () => {
          const problems = [];
          const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
          for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`duplicate id ${id}`);
          for (const label of document.querySelectorAll('label[for]'))
            if (!document.getElementById(label.htmlFor)) problems.push(`label for missing #${label.htmlFor}`);
          if (document.querySelector('form form')) problems.push('a form inside a form');
          if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one main');
          if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 elements`);
          return problems;
        }
        """;

    [Fact]
    public async Task A_member_supports_an_idea_with_the_keyboard_alone()
    {
        var world = await World();
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, "keyboard-a11y", "participant");
        await page.GotoAsync($"/ideas/{world.IdeaId}");
        var before = int.Parse((await page.GetByTestId("supporters").TextContentAsync())!);
        var support = page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true });
        for (var presses = 0; presses < 60 && !await support.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await support.EvaluateAsync<bool>("b => b === document.activeElement"), "Tab never reached the Support button.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync((before + 1).ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retract support" })).ToBeVisibleAsync();
    }

    private async Task<BrowserFixture.Stage> World()
    {
        await Once.WaitAsync();
        try
        {
            if (stage is not null) return stage;
            stage = await browser.PublishedStage("Tram depot with a turntable");
            var member = await browser.Token("reader-a11y", "participant");
            await browser.Send(HttpMethod.Post, $"/api/ideas/{stage.IdeaId}/comments", member, new { text = "The turntable should really turn." });
            // Insights learns of the campaign a moment after it opens: its page answers 404 until then.
            await browser.WaitForInsights(stage.CampaignId, await browser.Token(stage.Brand, "brand"));
            return stage;
        }
        finally { Once.Release(); }
    }
}
