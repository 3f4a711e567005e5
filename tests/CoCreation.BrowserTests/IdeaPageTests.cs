using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>The idea page in Chromium: Ideation's details with Voting's support bar in its slot, and the vote through the page alone.</summary>
[Collection(BrowserCollection.Name)]
public class IdeaPageTests(BrowserFixture browser)
{
    private static ILocator Supporters(IPage page) => page.GetByTestId("supporters");

    [Fact]
    public async Task Members_comment_reply_in_the_thread_edit_their_own_and_delete_it_from_the_page()
    {
        var (_, ideaId, _) = await browser.PublishedIdea("Tug with a towing winch");
        var ann = $"ann-{Guid.NewGuid():N}"[..12];
        var bob = $"bob-{Guid.NewGuid():N}"[..12];
        var annPage = await browser.NewPage();
        await BrowserFixture.SignIn(annPage, ann, "participant");
        await annPage.GotoAsync($"/ideas/{ideaId}");
        await annPage.GetByLabel("Your comment", new() { Exact = true }).FillAsync("How strong is the winch?");
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Assertions.Expect(annPage.Locator("article.comment p").First).ToContainTextAsync("How strong is the winch?");

        var bobPage = await browser.NewPage();
        await BrowserFixture.SignIn(bobPage, bob, "participant");
        await bobPage.GotoAsync($"/ideas/{ideaId}");
        await bobPage.GetByText("Reply", new() { Exact = true }).ClickAsync();
        await bobPage.GetByLabel($"Your reply to {ann}").FillAsync("Forty tonnes of pull.");
        await bobPage.GetByRole(AriaRole.Button, new() { Name = "Post the reply" }).ClickAsync();
        await Assertions.Expect(bobPage.GetByRole(AriaRole.Article, new() { Name = $"Reply by {bob}" })).ToContainTextAsync("Forty tonnes of pull.");
        // Only the author has the edit and delete forms of a comment.
        await Assertions.Expect(bobPage.GetByRole(AriaRole.Article, new() { Name = $"Reply by {bob}" }).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = false })).ToHaveCountAsync(1);
        await Assertions.Expect(bobPage.GetByRole(AriaRole.Button, new() { Name = "Delete my comment", Exact = false })).ToHaveCountAsync(1);

        await annPage.GotoAsync($"/ideas/{ideaId}");
        await annPage.GetByText("Edit", new() { Exact = true }).First.ClickAsync();
        await annPage.Locator("textarea[id^='edit-']").FillAsync("How strong is the winch, in tonnes?");
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Save the comment" }).ClickAsync();
        await Assertions.Expect(annPage.Locator("article.comment p").First).ToContainTextAsync("How strong is the winch, in tonnes?");
        await Assertions.Expect(annPage.GetByText("· edited")).ToBeVisibleAsync();
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Delete my comment", Exact = false }).ClickAsync();
        await Assertions.Expect(annPage.GetByText("This comment was deleted by its author.")).ToBeVisibleAsync();
        await Assertions.Expect(annPage.GetByText("Forty tonnes of pull.")).ToBeVisibleAsync();
        await Screenshots.Take(annPage, "comment-thread");
    }

    [Fact]
    public async Task A_member_supports_an_idea_and_takes_the_support_back_from_its_page()
    {
        var (campaignId, ideaId, _) = await browser.PublishedIdea("Ferry with a drawbridge");
        var page = await browser.NewPage();

        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ferry with a drawbridge" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in to support" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "0");

        await BrowserFixture.SignIn(page, $"fan-{Guid.NewGuid():N}"[..12], "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(Supporters(page)).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Assertions.Expect(Supporters(page)).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retract support" }).ClickAsync();
        await Assertions.Expect(Supporters(page)).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync($"/campaigns/{campaignId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ferry with a drawbridge" })).ToBeVisibleAsync();
        await Screenshots.Take(page, "campaign");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open campaigns" })).ToBeVisibleAsync();
        await Screenshots.Take(page, "home");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync($"/ideas/{ideaId}");
        await Screenshots.Take(page, "idea-375px");
    }

    [Fact]
    public async Task The_author_sees_their_own_idea_and_cannot_support_it()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Lighthouse with a working lamp");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Your own idea" })).ToBeDisabledAsync();
        await Screenshots.Take(page, "idea");
    }

    [Fact]
    public async Task An_idea_that_is_not_public_is_not_found_for_a_stranger()
    {
        var page = await browser.NewPage();
        var response = await page.GotoAsync($"/ideas/{Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }
}

/// <summary>A member's own page, made of each module's section (Ideation's ideas and invitations, Rewards' points) and forms that refuse forgeries.</summary>
[Collection(BrowserCollection.Name)]
public class MyPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_author_sees_their_idea_and_points_on_their_own_page()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Crane that lifts containers");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync("/me");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Crane that lifts containers" })).ToHaveAttributeAsync("href", $"/ideas/{ideaId}");
        // Rewards grants the published idea's points from Ideation's message.
        await Assertions.Expect(page.GetByTestId("my-points")).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await Screenshots.Take(page, "me");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download all my data" }).ClickAsync());
        Assert.Equal("cocreation-my-data.zip", download.SuggestedFilename);
        using (var zip = System.IO.Compression.ZipFile.OpenRead((await download.PathAsync())!))
        {
            var events = zip.GetEntry("events.json")!;
            using var reader = new StreamReader(events.Open());
            Assert.Contains(ideaId.ToString(), await reader.ReadToEndAsync());
        }
        await page.GotoAsync("/signin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo members" })).ToBeVisibleAsync();
        await Screenshots.Take(page, "signin");
    }

    [Fact]
    public async Task A_page_form_posted_without_its_anti_forgery_token_changes_nothing()
    {
        var (_, ideaId, _) = await browser.PublishedIdea("Tugboat with a crew");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"fan-{Guid.NewGuid():N}"[..12], "participant");
        var forged = await page.APIRequest.PostAsync($"/ideas/{ideaId}/support/retract", new() { MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        var supported = await page.APIRequest.PostAsync($"/ideas/{ideaId}/support", new() { MaxRedirects = 0, Form = page.APIRequest.CreateFormData().Set("score", "5") });
        Assert.Equal(400, supported.Status);
        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByTestId("supporters")).ToHaveTextAsync("0");
    }
}

/// <summary>Moderation's flag form in the idea page's actions slot.</summary>
[Collection(BrowserCollection.Name)]
public class FlagFromTheIdeaPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_member_flags_an_idea_from_its_page_once()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Harbour crane with a hook");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, $"flagger-{Guid.NewGuid():N}"[..16], "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await page.GetByLabel("Why should a moderator look at it?").FillAsync("Looks copied from a catalogue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flagged")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true })).ToHaveCountAsync(0);

        var authorPage = await browser.NewPage();
        await BrowserFixture.SignIn(authorPage, author, "participant");
        await authorPage.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(authorPage.GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true })).ToHaveCountAsync(0);
    }
}
