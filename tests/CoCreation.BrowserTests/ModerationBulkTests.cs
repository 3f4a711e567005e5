using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>
/// The moderator's whole job on /moderation (several items at once, appeals, bans) and the author's appeal from the
/// idea page, in Chromium, through the pages alone; the API only sets the stage and reads the outcome.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ModerationBulkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_moderator_approves_two_checked_ideas_at_once_and_is_told_which_one_another_moderator_had_decided()
    {
        var stage = await Stage();
        var first = await stage.Submit("Crane barge with a jib");
        var second = await stage.Submit("Pilot boat with a fender");
        var third = await stage.Submit("Lighthouse with a lamp room");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Unique("mod"), "moderator");
        await page.GotoAsync("/moderation");
        foreach (var idea in new[] { first, second, third })
            await Item(page, idea.Title).GetByLabel("Check for the decision on several items").CheckAsync();
        await Screenshots.Take(page, "moderation");

        // Meanwhile another moderator decides the third one.
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{await stage.ItemOf(third.Id)}/decision", stage.Moderator, new { decision = "Approve" });
        var bulk = page.GetByRole(AriaRole.Region, new() { Name = "Decide the checked items" });
        await bulk.GetByLabel("Note").FillAsync("Both fit the brief.");
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        var outcome = page.GetByTestId("bulk-outcome");
        await Assertions.Expect(outcome).ToContainTextAsync("2 items decided.");
        await Assertions.Expect(outcome.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(
            [$"{third.Title}: Another moderator already decided this item."]);
        foreach (var idea in new[] { first, second, third })
            await Assertions.Expect(Item(page, idea.Title)).ToHaveCountAsync(0);
        foreach (var idea in new[] { first, second })
            await BrowserFixture.Eventually(async () =>
                (await browser.Send(HttpMethod.Get, $"/api/ideas/{idea.Id}", stage.Moderator)).GetProperty("status").GetString() == "Published" ? (bool?)true : null);

        await page.GotoAsync($"/moderation/log?subjectId={first.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Decided" })).ToContainTextAsync("Approve: Both fit the brief.");
    }

    [Fact]
    public async Task Deciding_several_at_once_with_Reject_and_no_reason_code_decides_none()
    {
        var stage = await Stage();
        var idea = await stage.Submit("Dredger with a bucket chain");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Unique("mod"), "moderator");
        await page.GotoAsync("/moderation");
        await Item(page, idea.Title).GetByLabel("Check for the decision on several items").CheckAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Decide the checked items" })
            .GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Reject and Hide need a reason code.");
        await Assertions.Expect(Item(page, idea.Title)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_author_appeals_a_rejection_from_the_idea_page_and_the_second_decision_is_final()
    {
        var stage = await Stage();
        var idea = await stage.Submit("Ferry with a car ramp");
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{await stage.ItemOf(idea.Id)}/decision", stage.Moderator,
            new { decision = "Reject", reasonCode = "off-topic", note = "Not about harbours." });

        var author = await browser.NewPage();
        await BrowserFixture.SignIn(author, stage.Author, "participant");
        await author.GotoAsync($"/ideas/{idea.Id}");
        var appeal = author.GetByRole(AriaRole.Region, new() { Name = "Moderation of your idea" });
        await Assertions.Expect(appeal.GetByTestId("appeal-state")).ToContainTextAsync("A moderator rejected this idea (off topic).");
        await Assertions.Expect(appeal).ToContainTextAsync("Not about harbours.");
        await appeal.GetByLabel("Why should a moderator decide again?").FillAsync("A ferry docks in a harbour: it is the brief.");
        await appeal.GetByRole(AriaRole.Button, new() { Name = "Appeal", Exact = true }).ClickAsync();
        await Assertions.Expect(appeal.GetByTestId("appeal-state")).ToContainTextAsync("You appealed; a moderator will decide again, and that second decision is final.");
        await Assertions.Expect(appeal.GetByRole(AriaRole.Button, new() { Name = "Appeal" })).ToHaveCountAsync(0);

        var moderator = await browser.NewPage();
        await BrowserFixture.SignIn(moderator, Unique("mod"), "moderator");
        await moderator.GotoAsync("/moderation");
        var item = Item(moderator, idea.Title);
        await Assertions.Expect(item.GetByTestId("appeal-statement")).ToHaveTextAsync("A ferry docks in a harbour: it is the brief.");
        await Assertions.Expect(item).ToContainTextAsync("the second decision is final");
        await item.GetByLabel("Reason code").SelectOptionAsync("off-topic");
        await item.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Assertions.Expect(Item(moderator, idea.Title)).ToHaveCountAsync(0);

        await author.ReloadAsync();
        await Assertions.Expect(appeal).ToContainTextAsync("This was decided on appeal: the decision is final.");
        await Assertions.Expect(appeal.GetByRole(AriaRole.Button, new() { Name = "Appeal" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_ban_from_the_moderation_page_hides_the_members_pending_idea_and_lists_the_ban()
    {
        var stage = await Stage();
        var idea = await stage.Submit("Tanker with a spill boom");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Unique("mod"), "moderator");
        await page.GotoAsync("/moderation");
        await Assertions.Expect(Item(page, idea.Title)).ToHaveCountAsync(1);

        var bans = page.GetByRole(AriaRole.Region, new() { Name = "Ban a member" });
        await bans.GetByLabel("User id").FillAsync(stage.Author);
        await bans.GetByLabel("Reason").FillAsync("Posts the same advert everywhere.");
        await bans.GetByRole(AriaRole.Button, new() { Name = "Ban member", Exact = true }).ClickAsync();

        await Assertions.Expect(bans.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{stage.Author} is banned.");
        await Assertions.Expect(bans.GetByRole(AriaRole.Row).Filter(new() { HasText = stage.Author })).ToContainTextAsync("Posts the same advert everywhere.");
        await Assertions.Expect(Item(page, idea.Title)).ToHaveCountAsync(0);
        await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, $"/api/ideas/{idea.Id}", stage.Moderator)).GetProperty("status").GetString() == "Hidden" ? (bool?)true : null);

        await bans.GetByLabel("User id").FillAsync(stage.Author);
        await bans.GetByLabel("Reason").FillAsync("Again.");
        await bans.GetByRole(AriaRole.Button, new() { Name = "Ban member", Exact = true }).ClickAsync();
        await Assertions.Expect(bans.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This member is already banned.");
    }

    [Fact]
    public async Task A_French_reader_reads_the_moderation_page_and_the_rewards_section_in_French()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, Unique("mod"), "moderator", "participant");
        // The language switch's cookie, as the shell's switch sets it.
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=fr|uic=fr", Url = browser.BaseUrl }]);
        var spammer = Unique("spam");
        await page.GotoAsync("/moderation");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("File de modération");
        var bans = page.GetByRole(AriaRole.Region, new() { Name = "Bannir un membre" });
        await bans.GetByLabel("Identifiant du membre").FillAsync(spammer);
        await bans.GetByLabel("Motif").FillAsync("Test.");
        await bans.GetByRole(AriaRole.Button, new() { Name = "Bannir le membre", Exact = true }).ClickAsync();
        await Assertions.Expect(bans.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{spammer} est banni.");
        await bans.GetByLabel("Identifiant du membre").FillAsync(spammer);
        await bans.GetByLabel("Motif").FillAsync("Encore.");
        await bans.GetByRole(AriaRole.Button, new() { Name = "Bannir le membre", Exact = true }).ClickAsync();
        await Assertions.Expect(bans.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Ce membre est déjà banni.");

        await page.GotoAsync("/me");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mes récompenses" })).ToContainTextAsync("0 point");
        await page.Context.CloseAsync();
    }

    private static ILocator Item(IPage page, string title) => page.GetByRole(AriaRole.Article, new() { Name = title });

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<ModerationStage> Stage()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var brand = await browser.Token($"brand-{suffix}", "brand");
        var author = $"author-{suffix}";
        var authorToken = await browser.Token(author, "participant");
        var moderator = await browser.Token($"queue-{suffix}", "moderator");
        var legal = await browser.Token($"legal-{suffix}", "legal");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", legal, new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", authorToken);
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand, new { title = $"Harbour craft {suffix}", brief = "Sets about harbour craft." })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        return new ModerationStage(browser, campaignId, author, authorToken, moderator, suffix);
    }

    private sealed record ModerationStage(BrowserFixture Browser, Guid CampaignId, string Author, string AuthorToken, string Moderator, string Suffix)
    {
        /// <summary>An idea of the stage's author, waiting in the moderation queue.</summary>
        public async Task<(Guid Id, string Title)> Submit(string title)
        {
            title = $"{title} {Suffix}";
            var id = (await Browser.Send(HttpMethod.Post, $"/api/campaigns/{CampaignId}/ideas", AuthorToken,
                new { title, description = "A vessel for the harbour set.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
            await ItemOf(id);
            return (id, title);
        }

        public Task<Guid> ItemOf(Guid ideaId) => BrowserFixture.Eventually(async () =>
        {
            var queue = await Browser.Send(HttpMethod.Get, "/api/moderation/queue", Moderator);
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault();
        });
    }
}
