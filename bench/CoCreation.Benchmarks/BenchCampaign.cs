using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCreation.Benchmarks;

/// <summary>An open campaign with ideas submitted, screened and approved through the API, as members and moderators make them.</summary>
public static class BenchCampaign
{
    public static async Task<(Guid Campaign, Guid[] Ideas)> WithPublishedIdeas(HttpClient http, Func<string, string, string> token, int count, object[]? milestones = null)
    {
        var brand = token("bench-brand", "brand");
        var legal = token("bench-legal", "legal");
        var moderator = token("bench-moderator", "moderator");
        async Task<JsonElement> Call(HttpMethod method, string path, string bearer, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }

        var version = $"bench-{Guid.NewGuid():N}"[..14];
        await Call(HttpMethod.Post, "/api/ip/agreements", legal, new { version, text = "Benchmark contribution agreement." });
        var campaignBody = new Dictionary<string, object> { ["title"] = "Benchmark campaign", ["brief"] = "Ideas under load." };
        if (milestones is not null) campaignBody["milestones"] = milestones;
        var campaign = (await Call(HttpMethod.Post, "/api/campaigns", brand, campaignBody)).GetProperty("id").GetGuid();
        await Call(HttpMethod.Post, $"/api/campaigns/{campaign}/open", brand);
        var authors = Enumerable.Range(0, 20).Select(i => token($"bench-author-{i}", "participant")).ToArray();
        foreach (var author in authors) await Call(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", author);

        var ids = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = (await Call(HttpMethod.Post, $"/api/campaigns/{campaign}/ideas", authors[i % authors.Length],
                new { title = $"Benchmark idea {i}", description = "An idea to vote for.", tags = new[] { "bench" } })).GetProperty("id").GetGuid());

        var pending = ids.ToHashSet();
        var approved = new HashSet<Guid>();
        while (approved.Count < count)
        {
            var queue = await Call(HttpMethod.Get, "/api/moderation/queue", moderator);
            var items = queue.EnumerateArray().Where(q => pending.Contains(q.GetProperty("subjectId").GetGuid())).ToList();
            if (items.Count == 0) { await Task.Delay(200); continue; }
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
                await Call(HttpMethod.Post, $"/api/moderation/items/{item.GetProperty("id").GetGuid()}/decision", moderator, new { decision = "Approve" }));
            foreach (var item in items)
            {
                pending.Remove(item.GetProperty("subjectId").GetGuid());
                approved.Add(item.GetProperty("subjectId").GetGuid());
            }
        }
        foreach (var id in ids)
            while (true)
            {
                using var tally = await http.GetAsync($"/api/ideas/{id}/tally");
                if (tally.IsSuccessStatusCode) break;
                await Task.Delay(100);
            }
        return (campaign, ids);
    }
}
