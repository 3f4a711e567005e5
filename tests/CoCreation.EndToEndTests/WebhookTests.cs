using System.Net;
using System.Text.Json;
using CoCreation.Notifications.Webhooks;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Brand webhooks (issue 16) against a real HTTP listener on loopback: a brand organisation registers an endpoint for
/// kinds of its campaigns' facts; each delivery is signed (HMAC-SHA256 of the timestamp and body), retried with a wait
/// after a failure, still delivered once after the host restarts mid-retry, visible with its status, and replayed on
/// demand; another organisation sees and changes none of it.
/// </summary>
public sealed class WebhookTests
{
    private const string Database = "cocreation_webhooks";

    private static Task<PlatformFixture> Host(string database) => PlatformFixture.StartOwn(
        $"--ConnectionStrings:Postgres={database}", "--Notifications:Webhooks:AllowInsecureTargets=true",
        "--Notifications:Webhooks:RetryDelaysSeconds:0=1", "--Notifications:Webhooks:RetryDelaysSeconds:1=2", "--Notifications:Webhooks:RetryDelaysSeconds:2=3",
        "--Notifications:Webhooks:TimeoutSeconds=5");

    private static async Task<JsonElement> Deliveries(PlatformFixture host, string brand, Guid endpoint) =>
        await PlatformFixture.Json(await host.Send(HttpMethod.Get, $"/api/webhooks/{endpoint}/deliveries?limit=200", brand));

    /// <summary>The endpoint's delivery of that kind once it satisfies <paramref name="settled"/>; on a timeout, the deliveries as they were.</summary>
    private static async Task<JsonElement> Delivery(PlatformFixture host, string brand, Guid endpoint, string kind, Func<JsonElement, bool> settled, string what)
    {
        try
        {
            var raw = await PlatformFixture.Eventually(async () =>
            {
                var found = (await Deliveries(host, brand, endpoint)).EnumerateArray().FirstOrDefault(d => d.GetProperty("kind").GetString() == kind);
                return found.ValueKind == JsonValueKind.Object && settled(found) ? found.GetRawText() : null;
            }, what, seconds: 60);
            return JsonDocument.Parse(raw).RootElement;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Deliveries: {(await Deliveries(host, brand, endpoint)).GetRawText()}", ex);
        }
    }

    [Fact]
    public async Task Deliveries_are_signed_retried_survive_a_restart_mid_retry_and_replay_for_their_organisation_only()
    {
        var database = await PlatformFixture.FreshDatabase(Database);
        var port = LoopbackSmtp.FreePort();
        Guid endpoint, submittedIdea;
        string secret, brand;
        Scenario s;
        await using (var first = await Host(database))
        {
            s = await new Scenario(first).WithTokens();
            brand = s.BrandToken;
            var campaign = await s.CreateCampaign();

            // Refusals: a participant may not register, a bad address or kind is a 400 problem.
            Assert.Equal(HttpStatusCode.Forbidden, (await first.Send(HttpMethod.Post, "/api/webhooks", s.AuthorToken, new { url = "http://127.0.0.1:1/x", kinds = new[] { "idea.submitted" } })).StatusCode);
            foreach (var bad in new object[] { new { url = "ftp://127.0.0.1/x", kinds = new[] { "idea.submitted" } }, new { url = "http://127.0.0.1:1/x", kinds = new[] { "idea.sold" } },
                         new { url = "http://user:pw@127.0.0.1:1/x", kinds = new[] { "idea.submitted" } }, new { url = "", kinds = Array.Empty<string>() } })
            {
                var refused = await first.Send(HttpMethod.Post, "/api/webhooks", brand, bad);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            }

            var registered = await first.Send(HttpMethod.Post, "/api/webhooks", brand,
                new { url = $"http://127.0.0.1:{port}/hooks/cocreation", kinds = new[] { "idea.submitted", "idea.status-changed", "comment.posted" } });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var body = await PlatformFixture.Json(registered);
            endpoint = body.GetProperty("id").GetGuid();
            secret = body.GetProperty("secret").GetString()!;
            var listed = Assert.Single((await PlatformFixture.Json(await first.Send(HttpMethod.Get, "/api/webhooks", brand))).EnumerateArray());
            Assert.False(listed.TryGetProperty("secret", out _));
            Assert.Equal(WebhookSignature.Fingerprint(secret), listed.GetProperty("secretFingerprint").GetString());

            // Another organisation sees nothing and removes nothing.
            var rival = await first.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("rival-org"), "brand");
            Assert.Empty((await PlatformFixture.Json(await first.Send(HttpMethod.Get, "/api/webhooks", rival))).EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await first.Send(HttpMethod.Get, $"/api/webhooks/{endpoint}/deliveries", rival)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await first.Send(HttpMethod.Delete, $"/api/webhooks/{endpoint}", rival)).StatusCode);

            // Nothing listens yet: the submission's delivery fails and waits for its next attempt, in the database.
            (submittedIdea, _) = await s.SubmitIdea(campaign);
            var waiting = await Delivery(first, brand, endpoint, "idea.submitted", d => d.GetProperty("attempts").GetInt32() >= 1, "a failed first attempt");
            Assert.Equal("Pending", waiting.GetProperty("status").GetString());
            Assert.StartsWith("Connection failed", waiting.GetProperty("lastError").GetString());
            Assert.NotEqual(JsonValueKind.Null, waiting.GetProperty("nextAttemptAt").ValueKind);
        }

        // The receiver comes up, answering its first request 503 and the others 200; a new host carries the retries on.
        await using var receiver = LoopbackHttp.Start(port, (_, seen) => seen == 0 ? 503 : 200);
        await using var second = await Host(database);
        // Tokens are signed by each host: the same members sign in again.
        brand = await second.TokenFor(s.Brand, "brand");
        s = new Scenario(second) { BrandToken = brand, AuthorToken = await second.TokenFor(s.Author, "participant"), ModeratorToken = await second.TokenFor(s.Moderator, "moderator") };
        var delivered = await Delivery(second, brand, endpoint, "idea.submitted", d => d.GetProperty("status").GetString() == "Delivered", "the delivery after the restart");
        var deliveryId = delivered.GetProperty("id").GetGuid();
        Assert.Equal(200, delivered.GetProperty("lastStatusCode").GetInt32());
        var received = receiver.Requests.Where(r => r.Headers.GetValueOrDefault(WebhookSignature.IdHeader) == deliveryId.ToString()).ToList();
        Assert.Equal(2, received.Count); // the 503, then the 200
        Assert.All(received, r => Assert.True(WebhookSignature.Verify(secret, r.Headers[WebhookSignature.Header], r.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));
        Assert.False(WebhookSignature.Verify(secret, received[1].Headers[WebhookSignature.Header], received[1].Body.Replace("submitted", "selected"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var payload = JsonDocument.Parse(received[1].Body).RootElement;
        Assert.Equal("idea.submitted", payload.GetProperty("kind").GetString());
        Assert.Equal(deliveryId, payload.GetProperty("id").GetGuid());
        Assert.Equal(submittedIdea, payload.GetProperty("data").GetProperty("ideaId").GetGuid());
        Assert.Equal("idea.submitted", received[1].Headers[WebhookSignature.KindHeader]);

        // Publishing the idea tells the endpoint its status change; a kind not asked for (milestones) is not sent.
        await s.Publish(submittedIdea);
        await Delivery(second, brand, endpoint, "idea.status-changed", d => d.GetProperty("status").GetString() == "Delivered", "the status change delivered");
        Assert.DoesNotContain((await Deliveries(second, brand, endpoint)).EnumerateArray(), d => d.GetProperty("kind").GetString() == "idea.milestone-reached");

        // A replay sends the same body under the same delivery id, freshly signed, as a new series.
        var rivalToken = await second.TokenForOrg(PlatformFixture.Unique("rival"), PlatformFixture.Unique("rival-org"), "brand");
        Assert.Equal(HttpStatusCode.NotFound, (await second.Send(HttpMethod.Post, $"/api/webhook-deliveries/{deliveryId}/replay", rivalToken)).StatusCode);
        var replay = await second.Send(HttpMethod.Post, $"/api/webhook-deliveries/{deliveryId}/replay", brand);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(2, (await PlatformFixture.Json(replay)).GetProperty("series").GetInt32());
        await PlatformFixture.Eventually(() => Task.FromResult(receiver.Requests.Count(r => r.Headers.GetValueOrDefault(WebhookSignature.IdHeader) == deliveryId.ToString()) == 3 ? "" : null),
            "the replayed request");
        var again = receiver.Requests.Last(r => r.Headers.GetValueOrDefault(WebhookSignature.IdHeader) == deliveryId.ToString());
        Assert.Equal(received[1].Body, again.Body);
        Assert.True(WebhookSignature.Verify(secret, again.Headers[WebhookSignature.Header], again.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        await Delivery(second, brand, endpoint, "idea.submitted", d => d.GetProperty("series").GetInt32() == 2 && d.GetProperty("status").GetString() == "Delivered", "the replay recorded");

        // Removed, the endpoint gets nothing more.
        Assert.Equal(HttpStatusCode.NoContent, (await second.Send(HttpMethod.Delete, $"/api/webhooks/{endpoint}", brand)).StatusCode);
        Assert.Empty((await PlatformFixture.Json(await second.Send(HttpMethod.Get, "/api/webhooks", brand))).EnumerateArray());
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_abandoned_after_its_attempts_and_shows_why()
    {
        var database = await PlatformFixture.FreshDatabase(Database + "_failing");
        await using var receiver = LoopbackHttp.Start(LoopbackSmtp.FreePort(), (_, _) => 500);
        await using var host = await Host(database);
        var s = await new Scenario(host).WithTokens();
        var campaign = await s.CreateCampaign();
        var endpoint = (await PlatformFixture.Json(await host.Send(HttpMethod.Post, "/api/webhooks", s.BrandToken,
            new { url = receiver.Url("/broken"), kinds = new[] { "idea.submitted" } }))).GetProperty("id").GetGuid();
        await s.SubmitIdea(campaign);

        var failed = await Delivery(host, s.BrandToken, endpoint, "idea.submitted", d => d.GetProperty("status").GetString() == "Failed", "the delivery abandoned");
        Assert.Equal(4, failed.GetProperty("attempts").GetInt32()); // the first and one per configured wait
        Assert.Equal(500, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Single((await Deliveries(host, s.BrandToken, endpoint)).EnumerateArray(), d => d.GetProperty("status").GetString() == "Failed");
        var filtered = await PlatformFixture.Json(await host.Send(HttpMethod.Get, $"/api/webhooks/{endpoint}/deliveries?status=Delivered", s.BrandToken));
        Assert.Empty(filtered.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Send(HttpMethod.Get, $"/api/webhooks/{endpoint}/deliveries?status=Lost", s.BrandToken)).StatusCode);
    }
}
