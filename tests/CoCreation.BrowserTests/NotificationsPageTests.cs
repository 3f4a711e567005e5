using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Notifications in Chromium: the bell in the header counts what is unread, the page lists it, marks it read and keeps the preferences.</summary>
[Collection(BrowserCollection.Name)]
public class NotificationsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reply_lights_the_bell_the_page_leads_to_it_and_marks_it_read_and_preferences_are_saved()
    {
        var (_, ideaId, _) = await browser.PublishedIdea("Pilot boat with a searchlight");
        var ann = $"ann-{Guid.NewGuid():N}"[..12];
        var bob = $"bob-{Guid.NewGuid():N}"[..12];
        var annToken = await browser.Token(ann, "participant");
        var comment = (await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", annToken, new { text = "How far does the light reach?" })).GetProperty("id").GetGuid();
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", await browser.Token(bob, "participant"), new { text = "Two nautical miles.", replyTo = comment });

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, ann, "participant");
        await BrowserFixture.Eventually(async () =>
        {
            await page.GotoAsync("/");
            return await page.GetByTestId("unread-count").CountAsync() > 0 ? (bool?)true : null;
        });
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("notification-bell")).ToHaveAccessibleNameAsync("Notifications 1");
        await page.GetByTestId("notification-bell").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/me/notifications"));
        var item = page.GetByTestId("notification");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByRole(AriaRole.Link)).ToHaveTextAsync($"{bob} replied to your comment on “Pilot boat with a searchlight”.");
        await Assertions.Expect(item.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/ideas/{ideaId}#comment-"));
        await Screenshots.Take(page, "notifications");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "0 unread" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveCountAsync(0);

        await page.GetByLabel("E-mail address (empty: no e-mail)").FillAsync("ann@example.org");
        await page.GetByLabel("Replies to my comments").SelectOptionAsync("email");
        await page.GetByLabel("Rewards paid to me").SelectOptionAsync("weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preferences-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Replies to my comments")).ToHaveValueAsync("email");
        await Assertions.Expect(page.GetByLabel("Rewards paid to me")).ToHaveValueAsync("weekly");
        await Assertions.Expect(page.GetByLabel("Milestones of my ideas")).ToHaveValueAsync("in-app");
        var preferences = await browser.Send(HttpMethod.Get, "/api/members/me/notification-preferences", annToken);
        Assert.Equal(("ann@example.org", "email"), (preferences.GetProperty("email").GetString(), preferences.GetProperty("deliveries").GetProperty("reply").GetString()));
    }
}
