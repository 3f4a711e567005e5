using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Ideation's brand page, edit form and the idea page's author forms, in Chromium; the idea page in French.</summary>
[Collection(BrowserCollection.Name)]
public class BrandPageTests(BrowserFixture browser)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static ILocator Section(IPage page, string campaignTitle) =>
        page.Locator("section.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = campaignTitle, Exact = true }) });

    [Fact]
    public async Task A_brand_creates_a_campaign_with_the_defaults_and_opens_it_which_another_brand_never_sees()
    {
        var organisation = Unique("org");
        var title = $"Lighthouse sets {Guid.NewGuid():N}"[..24];
        var page = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(page, Unique("brand"), organisation, "brand");
        await page.GotoAsync("/brand");

        await Assertions.Expect(page.GetByLabel("Voting mode")).ToHaveValueAsync("support");
        await Assertions.Expect(page.GetByLabel("Votes per member (empty: no budget)")).ToHaveValueAsync("");
        string[][] ladder = [["100", "60"], ["1000", "365"], ["5000", "182"], ["10000", "182"]];
        for (var i = 0; i < ladder.Length; i++)
        {
            await Assertions.Expect(page.GetByLabel($"Milestone {i + 1}: supporters")).ToHaveValueAsync(ladder[i][0]);
            await Assertions.Expect(page.GetByLabel($"Milestone {i + 1}: within days")).ToHaveValueAsync(ladder[i][1]);
        }
        await Assertions.Expect(page.GetByLabel("Flags that hide an idea until a moderator decides")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("Points for a published idea")).ToHaveValueAsync("10");

        await page.GetByLabel("Brief", new() { Exact = true }).FillAsync("Lighthouses with working lamps.");
        await page.GetByLabel("Milestone 2: supporters").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        var titleField = page.GetByLabel("Title", new() { Exact = true });
        await Assertions.Expect(titleField).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(titleField).ToHaveAccessibleDescriptionAsync("A title is 5 to 120 characters.");
        await Assertions.Expect(page.GetByLabel("Milestone 2: supporters")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Milestone 2: supporters")).ToHaveValueAsync("50");
        await Assertions.Expect(page.GetByLabel("Brief", new() { Exact = true })).ToHaveValueAsync("Lighthouses with working lamps.");

        await titleField.FillAsync(title);
        await page.GetByLabel("Milestone 2: supporters").FillAsync("1000");
        await page.GetByLabel("Ideas per member (empty: no cap)").FillAsync("2");
        await page.GetByLabel("Hide supporter counts from each member until they support the idea, until voting ends").CheckAsync();
        var votingUntil = DateTime.UtcNow.AddDays(400);
        await page.GetByLabel("Voting closes (UTC, optional)").FillAsync(votingUntil.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        var section = Section(page, title);
        await Assertions.Expect(section.GetByTestId("campaign-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { Name = "Replay the campaign" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/campaigns/[0-9a-f-]{36}/replay$"));
        await section.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(section.GetByTestId("campaign-status")).ToHaveTextAsync("Open");
        await Assertions.Expect(section.GetByRole(AriaRole.Button, new() { Name = "Close" })).ToBeVisibleAsync();
        await Screenshots.Take(page, "brand");

        var campaigns = await browser.Api.GetFromJsonAsync<JsonElement>("/api/campaigns");
        var created = campaigns.EnumerateArray().Single(c => c.GetProperty("title").GetString() == title);
        Assert.Equal(("Open", "support", 4, 3), (created.GetProperty("status").GetString(), created.GetProperty("rules").GetProperty("voting").GetProperty("mode").GetString(),
            created.GetProperty("rules").GetProperty("milestones").GetArrayLength(), created.GetProperty("rules").GetProperty("moderation").GetProperty("flagsToHide").GetInt32()));

        Assert.Equal(2, created.GetProperty("rules").GetProperty("submissions").GetProperty("perMember").GetInt32());
        Assert.True(created.GetProperty("rules").GetProperty("voting").GetProperty("hideTalliesUntilVoted").GetBoolean());
        Assert.Equal(votingUntil.ToString("yyyy-MM-dd'T'HH:mm"), created.GetProperty("rules").GetProperty("phases").GetProperty("votingUntil").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm"));
        var createdId = created.GetProperty("id").GetGuid();
        var download = await page.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Link, new() { Name = "Download the ideas as CSV" }).ClickAsync());
        Assert.Equal($"campaign-{createdId}-ideas.csv", download.SuggestedFilename);
        Assert.StartsWith("Id,Title,Status,Supporters,Authors,Tags,Revision,CreatedAt,UpdatedAt", await File.ReadAllTextAsync((await download.PathAsync())!));
        foreach (var kind in new[] { "comments", "votes", "moderation", "rewards" })
            await Assertions.Expect(section.GetByTestId($"export-{kind}").GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await page.GotoAsync($"/campaigns/{createdId}");
        await Assertions.Expect(page.GetByText("Each member may submit up to 2 ideas; withdrawn ideas still count.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Supporter counts are shown to a member once they support the idea, and to everyone when voting ends.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("countdown")).ToContainTextAsync("Voting closes in ");
        var openData = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the public ideas as CSV" }).ClickAsync());
        Assert.Equal($"campaign-{createdId}-open-ideas.csv", openData.SuggestedFilename);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the public daily vote tally as JSON" }))
            .ToHaveAttributeAsync("href", $"/api/campaigns/{createdId}/open-data/votes.json");
        await Screenshots.Take(page, "campaign-phases");

        var other = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(other, Unique("rival"), Unique("org"), "brand");
        await other.GotoAsync("/brand");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Your organisation's campaigns" })).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText(title)).ToHaveCountAsync(0);
        Assert.Equal(404, (await other.GotoAsync($"/campaigns/{createdId}/exports/ideas.csv"))!.Status);
    }

    [Fact]
    public async Task A_brand_edits_its_draft_from_the_brand_page_and_a_refused_edit_keeps_what_was_typed()
    {
        var organisation = Unique("org");
        var brandId = Unique("brand");
        var token = await browser.TokenForOrganisation(brandId, organisation, "brand");
        var title = $"Quay cranes {Guid.NewGuid():N}"[..20];
        var id = (await browser.Send(HttpMethod.Post, "/api/campaigns", token, new { title, brief = "Cranes for the quay." })).GetProperty("id").GetGuid();
        var page = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(page, brandId, organisation, "brand");
        await page.GotoAsync("/brand");

        await Section(page, title).GetByRole(AriaRole.Link, new() { Name = $"Edit the draft {title}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        await Assertions.Expect(page.GetByLabel("Brief", new() { Exact = true })).ToHaveValueAsync("Cranes for the quay.");
        await Assertions.Expect(page.GetByLabel("Milestone 1: supporters")).ToHaveValueAsync("100");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Hm");
        await page.GetByLabel("Ideas per member (empty: no cap)").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Ideas per member (empty: no cap)")).ToHaveValueAsync("4");

        var renamed = title + " v2";
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(renamed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Assertions.Expect(Section(page, renamed).GetByTestId("campaign-status")).ToHaveTextAsync("Draft");
        var campaign = await browser.Send(HttpMethod.Get, $"/api/campaigns/{id}", token);
        Assert.Equal((renamed, 4), (campaign.GetProperty("title").GetString(), campaign.GetProperty("rules").GetProperty("submissions").GetProperty("perMember").GetInt32()));

        await browser.Send(HttpMethod.Post, $"/api/campaigns/{id}/open", token);
        await page.GotoAsync($"/brand/campaigns/{id}/edit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaign not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_brand_selects_an_idea_under_review_with_a_note_then_posts_its_progress()
    {
        var organisation = Unique("org");
        var brandId = Unique("brand");
        var brand = await browser.TokenForOrganisation(brandId, organisation, "brand");
        var title = $"Harbour ferries {Guid.NewGuid():N}"[..24];
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand,
            new { title, brief = "Ferries for the harbour.", milestones = new[] { new { supporters = 1, withinDays = 30 } } })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        var (ideaId, _) = await PublishedIdeaIn(campaignId, "Ferry with a folding ramp");
        var fan = Unique("fan");
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", await browser.Token(fan, "participant"), new { });
        await BrowserFixture.Eventually(async () => (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", brand)).GetProperty("status").GetString() == "UnderReview" ? (bool?)true : null);

        var page = await browser.NewPage();
        await BrowserFixture.SignInToOrganisation(page, brandId, organisation, "brand");
        await page.GotoAsync("/brand");
        var idea = page.Locator($"#idea-{ideaId}");
        await Assertions.Expect(idea.GetByRole(AriaRole.Link, new() { Name = "Ferry with a folding ramp" })).ToBeVisibleAsync();
        // Supporters and milestones come from Voting's part of the page, in the brand.idea slot.
        await Assertions.Expect(idea.GetByTestId("brand-support")).ToContainTextAsync("1 supporter · milestone 1 reached on");
        // Who supports it, from Voting's vote history, for the brand that runs the campaign (Fider #550).
        var supporters = idea.GetByTestId("brand-supporters");
        await supporters.Locator("summary").ClickAsync();
        await Assertions.Expect(supporters.Locator("summary")).ToHaveTextAsync("Who supports it (1)");
        await Assertions.Expect(supporters.GetByRole(AriaRole.Listitem)).ToContainTextAsync(fan);
        await Screenshots.Take(page, "brand-review");
        await idea.GetByLabel("Selected", new() { Exact = true }).CheckAsync();
        await idea.GetByLabel("Note to the authors").FillAsync("We will build it next spring.");
        await idea.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        await Assertions.Expect(idea.GetByTestId("idea-status")).ToHaveTextAsync("Selected");
        await idea.GetByLabel("New status").SelectOptionAsync("InProduction");
        await idea.GetByLabel("Progress note").FillAsync("The moulds are being cut.");
        await idea.GetByRole(AriaRole.Button, new() { Name = "Post the progress note" }).ClickAsync();
        await Assertions.Expect(idea.GetByTestId("idea-status")).ToHaveTextAsync("In production");

        var timeline = await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/timeline", brand);
        var notes = timeline.EnumerateArray().Select(e => (e.GetProperty("status").GetString(), e.GetProperty("note").GetString())).ToList();
        Assert.Contains(("Selected", "We will build it next spring."), notes);
        Assert.Contains(("InProduction", "The moulds are being cut."), notes);
    }

    [Fact]
    public async Task The_author_edits_an_idea_waiting_for_moderation_into_a_new_revision_then_withdraws_it()
    {
        var (campaignId, _) = await OpenCampaign();
        var (author, token) = await Author();
        var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token,
            new { title = "Tugboat with a winch", description = "A small tug.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/ideas/{ideaId}/edit");
        var titleField = page.GetByLabel("Title", new() { Exact = true });
        await Assertions.Expect(titleField).ToHaveValueAsync("Tugboat with a winch");
        await Assertions.Expect(page.GetByLabel("Tags (comma separated)")).ToHaveValueAsync("sea");

        await Screenshots.Take(page, "edit-idea");
        await titleField.FillAsync("Tug");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the revision" }).ClickAsync();
        await Assertions.Expect(titleField).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(titleField).ToHaveValueAsync("Tug");

        await titleField.FillAsync("Tugboat with a winch and a crane");
        await page.GetByLabel("Tags (comma separated)").FillAsync("sea, harbour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the revision" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tugboat with a winch and a crane" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Tags: sea, harbour")).ToBeVisibleAsync();
        Assert.Equal(2, (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", token)).GetProperty("revision").GetInt32());

        await page.GetByLabel("I understand that a withdrawn idea cannot come back.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw idea" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);

        var stranger = await browser.NewPage();
        await BrowserFixture.SignIn(stranger, Unique("stranger"), "participant");
        Assert.Equal(404, (await stranger.GotoAsync($"/ideas/{ideaId}/edit"))!.Status);
    }

    [Fact]
    public async Task The_author_invites_a_co_author_from_the_idea_page_who_finds_the_invitation_on_their_page()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Crane with a long jib");
        var invitee = Unique("friend");
        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync($"/ideas/{ideaId}");
        await page.GetByLabel("User id", new() { Exact = true }).FillAsync(invitee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite co-author" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("pending-invitations")).ToContainTextAsync(invitee);
        await Screenshots.Take(page, "idea-author");
        await page.GetByLabel("User id", new() { Exact = true }).FillAsync(invitee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite co-author" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That member is already invited to this idea.");

        var friend = await browser.NewPage();
        await BrowserFixture.SignIn(friend, invitee, "participant");
        await friend.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(friend.GetByRole(AriaRole.Button, new() { Name = "Invite co-author" })).ToHaveCountAsync(0);
        await friend.GotoAsync("/me");
        await friend.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" }).ClickAsync();
        await friend.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/ideas/{ideaId}");
        await Assertions.Expect(friend.GetByText($"by {author}, {invitee}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_campaign_and_idea_pages_speak_French_to_a_French_browser()
    {
        var (campaignId, ideaId, _) = await browser.PublishedIdea("Phare à lentille");
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/campaigns/{campaignId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Le cahier des charges" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les règles" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Atteindre 100 soutiens dans les 60 jours suivant la publication.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Idées (1)" })).ToBeVisibleAsync();
        await page.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Publiée");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Historique" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Approuvée par la modération et ouverte au soutien.", new() { Exact = false })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    private async Task<(Guid CampaignId, string Brand)> OpenCampaign()
    {
        var brand = await browser.Token(Unique("brand"), "brand");
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand, new { title = $"Tug sets {Guid.NewGuid():N}"[..17], brief = "Tugs." })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        return (campaignId, brand);
    }

    /// <summary>A participant who accepted the current agreement (published here when none is).</summary>
    private async Task<(string Id, string Token)> Author()
    {
        var id = Unique("author");
        var token = await browser.Token(id, "participant");
        var current = await browser.Api.GetAsync("/api/ip/agreements/current");
        var version = current.IsSuccessStatusCode
            ? (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!
            : (await browser.Send(HttpMethod.Post, "/api/ip/agreements", await browser.Token(Unique("legal"), "legal"),
                new { version = "ui-1", text = "Contributors license their ideas to the brand." })).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", token);
        return (id, token);
    }

    private async Task<(Guid IdeaId, string Author)> PublishedIdeaIn(Guid campaignId, string title)
    {
        var (author, token) = await Author();
        var moderator = await browser.Token(Unique("mod"), "moderator");
        var ideaId = (await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token,
            new { title, description = "A ferry whose ramp folds.", tags = new[] { "sea" } })).GetProperty("id").GetGuid();
        var item = await BrowserFixture.Eventually(async () =>
        {
            var queue = await browser.Send(HttpMethod.Get, "/api/moderation/queue", moderator);
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault();
        });
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", moderator, new { decision = "Approve" });
        await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{ideaId}/tally")).IsSuccessStatusCode ? (bool?)true : null);
        return (ideaId, author);
    }
}
