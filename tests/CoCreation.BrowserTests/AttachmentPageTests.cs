using CoCreation.EndToEndTests;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Designs on the pages (docs/adr/0036), in Chromium: files chosen on the submit page, shown in the moderation queue, then in the idea's gallery.</summary>
[Collection(BrowserCollection.Name)]
public class AttachmentPageTests(BrowserFixture browser)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact]
    public async Task Files_chosen_on_the_submit_page_reach_the_queue_and_after_approval_the_public_gallery()
    {
        var brand = await browser.Token(Unique("brand"), "brand");
        var campaignId = (await browser.Send(HttpMethod.Post, "/api/campaigns", brand,
            new { title = $"Harbour designs {Guid.NewGuid():N}"[..25], brief = "Show us your builds.", attachments = new { maxFiles = 4, maxFileMegabytes = 5 } })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", brand);
        var author = Unique("maker");
        await browser.AcceptAgreement(await browser.Token(author, "participant"));

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync($"/campaigns/{campaignId}/ideas/new");
        await Assertions.Expect(page.GetByLabel("Images and files")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Up to 4 files of at most 5 MiB each"));
        await page.GetByLabel("Title").FillAsync("Lighthouse with a turning lamp");
        await page.GetByLabel("Description").FillAsync("A lamp that turns with a crank; photos and the printable base.");
        await page.GetByLabel("Images and files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "front.png", MimeType = "image/png", Buffer = TestFiles.Png(320, 200, 0xFF1565C0) },
            new FilePayload { Name = "side.png", MimeType = "image/png", Buffer = TestFiles.Png(200, 320, 0xFFC62828) },
            new FilePayload { Name = "base.stl", MimeType = "model/stl", Buffer = TestFiles.Stl() }
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit idea" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/ideas/[0-9a-f-]{36}$"));
        var ideaId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        await Assertions.Expect(page.GetByTestId("gallery").GetByTestId("attachment")).ToHaveCountAsync(3);

        var moderatorId = Unique("mod");
        var moderator = await browser.NewPage();
        await BrowserFixture.SignIn(moderator, moderatorId, "moderator");
        var files = await BrowserFixture.Eventually(async () =>
        {
            await moderator.GotoAsync("/moderation");
            var found = moderator.GetByTestId("queue-files").Filter(new() { Has = moderator.Locator($"a[href='/attachments/{(await FirstAttachment(ideaId, author))}/content']") });
            return await found.CountAsync() == 1 ? (bool?)true : null;
        });
        Assert.True(files);
        var queued = moderator.GetByTestId("queue-files").Filter(new() { Has = moderator.Locator($"a[href='/attachments/{await FirstAttachment(ideaId, author)}/content']") });
        await Assertions.Expect(queued.GetByTestId("queue-file")).ToHaveCountAsync(3);
        await Assertions.Expect(queued.GetByRole(AriaRole.Button, new() { Name = "Block this file" })).ToHaveCountAsync(3);
        await queued.ScrollIntoViewIfNeededAsync();
        await Screenshots.Take(moderator, "moderation-files");

        // Not public yet: a visitor gets no file.
        Assert.Equal(404, (int)(await browser.Api.GetAsync($"/api/attachments/{await FirstAttachment(ideaId, author)}/content")).StatusCode);
        var item = await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, "/api/moderation/queue", await browser.Token(moderatorId, "moderator"))).EnumerateArray()
                .Where(i => i.GetProperty("subjectId").GetGuid() == ideaId).Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault());
        await browser.Send(HttpMethod.Post, $"/api/moderation/items/{item}/decision", await browser.Token(moderatorId, "moderator"), new { decision = "Approve" });
        await BrowserFixture.Eventually(async () => (await browser.Api.GetAsync($"/api/ideas/{ideaId}")).IsSuccessStatusCode ? (bool?)true : null);

        var visitor = await browser.NewPage();
        await visitor.GotoAsync($"/ideas/{ideaId}");
        var gallery = visitor.GetByTestId("gallery");
        await Assertions.Expect(gallery.GetByTestId("attachment")).ToHaveCountAsync(3);
        await Assertions.Expect(gallery.GetByText("Image, 320 × 200 pixels")).ToBeVisibleAsync();
        await Assertions.Expect(gallery.GetByRole(AriaRole.Link, new() { Name = "base.stl" })).ToBeVisibleAsync();
        // The thumbnails are real images the browser decoded.
        var images = gallery.Locator("img");
        await Assertions.Expect(images).ToHaveCountAsync(2);
        foreach (var image in await images.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            await BrowserFixture.Eventually(async () => await image.EvaluateAsync<int>("i => i.complete ? i.naturalWidth : 0") > 0 ? (bool?)true : null);
        }
        await Screenshots.Take(visitor, "idea-gallery");
    }

    private async Task<Guid> FirstAttachment(Guid ideaId, string author) =>
        (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", await browser.Token(author, "participant"))).GetProperty("attachments")[0].GetProperty("id").GetGuid();
}
