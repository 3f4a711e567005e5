using System.Net;
using System.Text;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoCreation.EndToEndTests;

/// <summary>What the host writes to its logs: nothing members wrote, and no refusal reported as an error.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LogHygieneTests(PlatformFixture platform)
{
    [Fact]
    public async Task No_log_line_carries_what_members_wrote_and_no_refusal_is_logged_as_an_error()
    {
        var s = await new Scenario(platform).WithTokens();
        var open = await s.CreateCampaign();
        var draft = await s.CreateCampaign(open: false);
        var published = await s.PublishedIdea(open);
        var marker = $"qx{Guid.NewGuid():N}"[..16];
        var idea = new { title = $"Lantern {marker}", description = $"A lantern whose {marker} glows.", tags = new[] { marker[..12] } };

        IReadOnlyList<LogCapture.Entry> entries;
        using (var recording = platform.Logs.Record())
        {
            var submitted = await platform.Send(HttpMethod.Post, $"/api/campaigns/{open}/ideas", s.AuthorToken, idea);
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            var ideaId = (await PlatformFixture.Json(submitted)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.Created,
                (await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/comments", s.AuthorToken, new { text = $"Love it {marker}" })).StatusCode);

            // Refused inside the command handlers, which carry the member's words.
            await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/campaigns/{draft}/ideas", s.AuthorToken, idea),
                HttpStatusCode.Conflict, "campaign-not-open");
            await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/comments", s.AuthorToken, new { text = $"Early {marker}" }),
                HttpStatusCode.Conflict, "idea-not-public");
            // Refused before any handler: an invalid field, a body that is not JSON.
            Assert.Equal(HttpStatusCode.BadRequest,
                (await platform.Send(HttpMethod.Post, $"/api/campaigns/{open}/ideas", s.AuthorToken, new { title = "", description = marker })).StatusCode);
            using (var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{open}/ideas"))
            {
                malformed.Headers.Authorization = new("Bearer", s.AuthorToken);
                malformed.Content = new StringContent($"{{\"title\": \"{marker}\", \"description\": ", Encoding.UTF8, "application/json");
                Assert.Equal(HttpStatusCode.BadRequest, (await platform.Http.SendAsync(malformed)).StatusCode);
            }

            // Moderation and IP receive the idea's title and description in their messages.
            await s.QueueItemFor(ideaId);
            entries = recording.Entries;
        }

        Assert.Contains(entries, e => e.Exception is RuleViolated); // the recording does see the refusals, at Debug
        var leaks = entries.Where(e => e.Everything.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Member text in the log:\n" + string.Join("\n", leaks.Select(e => $"{e.Level} {e.Category}: {e.Text}")));
        var refusalsAsErrors = entries.Where(e => e.Level >= LogLevel.Warning && (IsRefusal(e.Exception) || e.Category.StartsWith("Microsoft.AspNetCore.Diagnostics"))).ToList();
        Assert.True(refusalsAsErrors.Count == 0,
            "Refusals logged as errors:\n" + string.Join("\n", refusalsAsErrors.Select(e => $"{e.Level} {e.Category}: {e.Text} ({e.Exception?.GetType().Name})")));
    }

    [Fact]
    public async Task Ready_once_started_when_there_is_nothing_to_seed()
    {
        var response = await platform.Send(HttpMethod.Get, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await PlatformFixture.Json(response)).GetProperty("checks").EnumerateArray().ToList();
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == "ready" && c.GetProperty("status").GetString() == "Healthy");
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == "postgres" && c.GetProperty("status").GetString() == "Healthy");
    }

    private static bool IsRefusal(Exception? exception) => exception switch
    {
        null => false,
        DomainProblem { Status: < 500 } or BadHttpRequestException { StatusCode: < 500 } => true,
        _ => IsRefusal(exception.InnerException)
    };
}
