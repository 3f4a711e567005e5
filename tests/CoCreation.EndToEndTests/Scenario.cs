using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>Steps many tests share: an open campaign, a published idea.</summary>
public sealed class Scenario(PlatformFixture platform)
{
    public string Brand { get; } = PlatformFixture.Unique("brand");
    public string Author { get; } = PlatformFixture.Unique("author");
    public string Moderator { get; } = PlatformFixture.Unique("mod");
    public string BrandToken { get; set; } = "";
    public string AuthorToken { get; set; } = "";
    public string ModeratorToken { get; set; } = "";

    public async Task<Scenario> WithTokens()
    {
        BrandToken = await platform.TokenFor(Brand, "brand");
        AuthorToken = await platform.TokenFor(Author, "participant");
        ModeratorToken = await platform.TokenFor(Moderator, "moderator");
        await platform.AcceptAgreement(AuthorToken);
        return this;
    }

    public async Task<Guid> CreateCampaign(bool open = true, object? body = null)
    {
        var created = await platform.Send(HttpMethod.Post, "/api/campaigns", BrandToken,
            body ?? new { title = "Build the harbour of tomorrow", brief = "Sets about ports and ferries." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await PlatformFixture.Json(created)).GetProperty("id").GetGuid();
        if (open)
            Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{id}/open", BrandToken)).StatusCode);
        return id;
    }

    public async Task<(Guid IdeaId, HttpResponseMessage Response)> SubmitIdea(Guid campaignId, string? correlationId = null, string? token = null)
    {
        var response = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token ?? AuthorToken,
            new { title = "Ferry with a drawbridge", description = "A car ferry whose bow opens.", tags = new[] { "sea", "vehicles" } },
            correlationId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await PlatformFixture.Json(response)).GetProperty("id").GetGuid(), response);
    }

    public async Task<JsonElement> QueueItemFor(Guid ideaId, int revision = 1)
    {
        var raw = await PlatformFixture.Eventually(async () =>
        {
            var queue = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/queue", ModeratorToken));
            return queue.EnumerateArray().Where(i => i.GetProperty("subjectId").GetGuid() == ideaId && i.GetProperty("revision").GetInt32() == revision).Select(i => i.GetRawText()).FirstOrDefault();
        }, "the idea to reach the moderation queue");
        return JsonDocument.Parse(raw).RootElement;
    }

    public async Task<HttpResponseMessage> Approve(Guid itemId, string? correlationId = null) =>
        await platform.Send(HttpMethod.Post, $"/api/moderation/items/{itemId}/decision", ModeratorToken, new { decision = "Approve" }, correlationId);

    public async Task<Guid> PublishedIdea(Guid campaignId)
    {
        var (ideaId, _) = await SubmitIdea(campaignId);
        await Publish(ideaId);
        return ideaId;
    }

    /// <summary>The idea as a moderator sees it (whatever its status; the public sees only public ideas).</summary>
    public async Task<JsonElement> Idea(Guid ideaId) => await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", ModeratorToken));

    public async Task<string> StatusOf(Guid ideaId) => (await Idea(ideaId)).GetProperty("status").GetString()!;

    public Task AwaitStatus(Guid ideaId, string status) =>
        PlatformFixture.Eventually(async () => await StatusOf(ideaId) == status ? status : null, $"idea {ideaId} to become {status}");

    /// <summary>Approves the idea's pending moderation item and waits until Ideation published it and Voting opened its ballot.</summary>
    public async Task Publish(Guid ideaId, int revision = 1)
    {
        var item = await QueueItemFor(ideaId, revision);
        Assert.Equal(HttpStatusCode.OK, (await Approve(item.GetProperty("id").GetGuid())).StatusCode);
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/tally")).StatusCode == HttpStatusCode.OK ? "open" : null,
            "the ballot to open");
        // IntellectualProperty learns the idea is public from the same status message (outsiders then get 403 on shares, not 404).
        var outsider = await platform.TokenFor(PlatformFixture.Unique("outsider"), "participant");
        await PlatformFixture.Eventually(async () =>
            (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", outsider)).StatusCode == HttpStatusCode.Forbidden ? "public" : null,
            "IntellectualProperty to learn the idea is public");
    }
}
