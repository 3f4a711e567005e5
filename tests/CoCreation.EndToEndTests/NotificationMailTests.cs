using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

/// <summary>
/// E-mail of notifications (issue 16) through MailKit to an SMTP listener on a loopback socket: sent only for the kinds a
/// member asked, retried while the server is down, still delivered after the host restarts mid-retry, once; the
/// unsubscribe link in the mail stops e-mail without signing in, and a forged link does not.
/// </summary>
public sealed class NotificationMailTests
{
    private const string Database = "cocreation_mail";

    private static Task<PlatformFixture> Host(string database, int smtpPort) => PlatformFixture.StartOwn(
        $"--ConnectionStrings:Postgres={database}", "--Notifications:Mail:Host=127.0.0.1", $"--Notifications:Mail:Port={smtpPort}",
        "--Notifications:Mail:Security=None", "--Notifications:Mail:UnsubscribeKey=loopback-test-key-0123456789",
        "--Notifications:Mail:PublicBaseUrl=http://cocreation.test");

    [Fact]
    public async Task A_mail_waiting_for_a_down_server_is_sent_once_after_a_restart_and_its_unsubscribe_link_stops_mail()
    {
        var database = await PlatformFixture.FreshDatabase(Database);
        var port = LoopbackSmtp.FreePort();
        var (invitee, bystander) = (PlatformFixture.Unique("invitee"), PlatformFixture.Unique("bystander"));
        Guid notificationId;
        string author;
        await using (var first = await Host(database, port))
        {
            using var logs = first.Logs.Record();
            var s = await new Scenario(first).WithTokens();
            author = s.Author;
            var campaignId = await s.CreateCampaign();
            var (ideaId, _) = await s.SubmitIdea(campaignId);
            var inviteeToken = await first.TokenFor(invitee, "participant");
            Assert.Equal(HttpStatusCode.OK, (await first.Send(HttpMethod.Put, "/api/members/me/notification-preferences", inviteeToken,
                new { email = "invitee@example.org", deliveries = new Dictionary<string, string> { ["coauthor-invitation"] = "email" } })).StatusCode);
            // The bystander wants e-mail for other kinds only: their invitation stays in the app.
            var bystanderToken = await first.TokenFor(bystander, "participant");
            await first.Send(HttpMethod.Put, "/api/members/me/notification-preferences", bystanderToken,
                new { email = "bystander@example.org", deliveries = new Dictionary<string, string> { ["reply"] = "email" } });

            Assert.Equal(HttpStatusCode.Created, (await first.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = invitee })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await first.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = bystander })).StatusCode);
            var feed = await PlatformFixture.Eventually(async () =>
            {
                var f = await PlatformFixture.Json(await first.Send(HttpMethod.Get, "/api/members/me/notifications", inviteeToken));
                return f.GetProperty("items").GetArrayLength() > 0 ? f.GetRawText() : null;
            }, "the invitation in the feed");
            notificationId = JsonDocument.Parse(feed).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
            // The server is down: the first attempts fail and the next is scheduled in the database.
            await PlatformFixture.Eventually(() => Task.FromResult(logs.Entries.Any(e => e.Exception is System.Net.Sockets.SocketException
                || e.Everything.Contains("refused", StringComparison.OrdinalIgnoreCase)) ? "failed" : null), "a failed attempt to reach the SMTP server", seconds: 20);
        }

        await using var smtp = LoopbackSmtp.Start(port);
        await using var second = await Host(database, port);
        var mail = await PlatformFixture.Eventually(() => Task.FromResult(smtp.Messages.TryPeek(out var m) ? m : null), "the mail after the restart", seconds: 90);
        Assert.Contains("To: invitee@example.org", mail);
        Assert.Contains($"invites you to co-author", mail);
        Assert.Contains("List-Unsubscribe:", mail);
        Assert.Contains($"Message-Id: <{notificationId:N}@cocreation>", mail, StringComparison.OrdinalIgnoreCase);
        await PlatformFixture.Eventually(async () =>
        {
            await using var session = second.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return (await session.LoadAsync<CoCreation.Notifications.Feed.NotificationView>(notificationId))?.EmailedAt is not null ? "recorded" : null;
        }, "the sending recorded as an event");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(smtp.Messages);

        // The link from the mail: a page that asks, a form that stops every e-mail; a forged token changes nothing.
        var link = Regex.Match(mail.Replace("=\n", ""), @"http://cocreation\.test(/notifications/unsubscribe\?member=[^\s&]+&token=[0-9a-f]{64})").Groups[1].Value;
        Assert.NotEmpty(link);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = second.Http.BaseAddress };
        async Task<HttpResponseMessage> Confirm(string member, string token)
        {
            var page = await browser.GetStringAsync($"/notifications/unsubscribe?member={Uri.EscapeDataString(member)}&token={token}");
            var antiforgery = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(antiforgery);
            return await browser.PostAsync("/notifications/unsubscribe/confirm", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["member"] = member, ["token"] = token, ["__RequestVerificationToken"] = antiforgery
            }));
        }
        var forged = await Confirm(invitee, new string('0', 64));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/notifications/unsubscribe?invalid=1", forged.Headers.Location?.OriginalString);
        var token = Regex.Match(link, "token=([0-9a-f]{64})").Groups[1].Value;
        var done = await Confirm(invitee, token);
        Assert.Equal("/notifications/unsubscribe?done=1", done.Headers.Location?.OriginalString);
        var preferences = await PlatformFixture.Json(await second.Send(HttpMethod.Get, "/api/members/me/notification-preferences", await second.TokenFor(invitee, "participant")));
        Assert.Equal("in-app", preferences.GetProperty("deliveries").GetProperty("coauthor-invitation").GetString());
        Assert.Equal("invitee@example.org", preferences.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_daily_digest_gathers_the_days_notifications_in_one_mail_once_the_day_is_over_and_only_once()
    {
        var database = await PlatformFixture.FreshDatabase(Database + "_digest");
        await using var smtp = LoopbackSmtp.Start(LoopbackSmtp.FreePort());
        await using var host = await Host(database, smtp.Port);
        var s = await new Scenario(host).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var commenter = PlatformFixture.Unique("commenter");
        var commenterToken = await host.TokenFor(commenter, "participant");
        Assert.Equal(HttpStatusCode.OK, (await host.Send(HttpMethod.Put, "/api/members/me/notification-preferences", commenterToken,
            new { email = "commenter@example.org", deliveries = new Dictionary<string, string> { ["reply"] = "daily" } })).StatusCode);
        var comment = (await PlatformFixture.Json(await host.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", commenterToken, new { text = "Will it float?" }))).GetProperty("id").GetGuid();
        foreach (var (replier, text) in new[] { ("first-replier", "It floats."), ("second-replier", "Like a cork.") })
            await host.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", await host.TokenFor(PlatformFixture.Unique(replier), "participant"), new { text, replyTo = comment });
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await host.Send(HttpMethod.Get, "/api/members/me/notifications", commenterToken))).GetProperty("items").GetArrayLength() == 2 ? "" : null,
            "both replies in the feed");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(smtp.Messages); // a digest waits for the day to end

        var advanced = await host.Send(HttpMethod.Post, "/api/dev/clock/advance", null, new { days = 1 });
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        var mail = await PlatformFixture.Eventually(() => Task.FromResult(smtp.Messages.TryPeek(out var m) ? m : null), "the daily digest", seconds: 30);
        Assert.Contains("To: commenter@example.org", mail);
        Assert.Contains("your day", mail);
        Assert.Equal(2, Regex.Matches(mail, "replied to your comment").Count);
        Assert.Contains("List-Unsubscribe:", mail);

        // The same day swept again (another node, a later tick) sends nothing more; the next day has nothing to tell.
        await host.Send(HttpMethod.Post, "/api/dev/clock/advance", null, new { hours = 1 });
        await host.Send(HttpMethod.Post, "/api/dev/clock/advance", null, new { days = 1 });
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(smtp.Messages);
        var feed = await PlatformFixture.Json(await host.Send(HttpMethod.Get, "/api/members/me/notifications", commenterToken));
        Assert.Equal(2, feed.GetProperty("items").GetArrayLength());
    }
}
