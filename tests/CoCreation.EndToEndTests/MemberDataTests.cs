using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>A member downloads all their own data (GDPR Art. 15 and 20, issue 16): what they did and what names them, nobody else's.</summary>
[Collection(PlatformCollection.Name)]
public class MemberDataTests(PlatformFixture platform)
{
    private async Task<Dictionary<string, string>> Download(string token)
    {
        var answer = await platform.Send(HttpMethod.Get, "/api/members/me/data.zip", token);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/zip", answer.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await answer.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    private static List<JsonElement> Events(Dictionary<string, string> files) => JsonDocument.Parse(files["events.json"]).RootElement.EnumerateArray().ToList();

    [Fact]
    public async Task A_member_downloads_what_they_did_and_what_names_them_and_nothing_of_another_members_own()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var mine = await s.PublishedIdea(campaignId);
        var other = new Scenario(platform);
        await other.WithTokens();
        var theirs = await other.PublishedIdea(campaignId);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{theirs}/votes", s.AuthorToken, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{theirs}/comments", s.AuthorToken, new { text = "A mooring for small boats too?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{mine}/votes", other.AuthorToken, new { })).StatusCode);
        await PlatformFixture.Eventually(async () => (await s.Idea(mine)).GetProperty("supporters").GetInt32() == 1 ? "counted" : null, "the other member's vote counted");

        var files = await Download(s.AuthorToken);
        Assert.Contains("README.txt", files.Keys);
        Assert.Contains(s.Author, files["README.txt"]);
        var events = Events(files);
        Assert.Equal(events.Select(e => e.GetProperty("seq").GetInt64()).Order(), events.Select(e => e.GetProperty("seq").GetInt64()));
        string Types(string module) => string.Join(",", events.Where(e => e.GetProperty("module").GetString() == module).Select(e => e.GetProperty("type").GetString()));

        Assert.Contains(events, e => e.GetProperty("type").GetString() == "idea_submitted" && e.GetProperty("data").GetProperty("IdeaId").GetGuid() == mine);
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "comment_posted" && e.GetProperty("data").GetProperty("Text").GetString() == "A mooring for small boats too?");
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "vote_cast" && e.GetProperty("data").GetProperty("IdeaId").GetGuid() == theirs);
        // The other member's vote on my idea is theirs, not mine.
        Assert.DoesNotContain(events, e => e.GetProperty("type").GetString() == "vote_cast" && e.GetProperty("data").GetProperty("IdeaId").GetGuid() == mine);
        Assert.NotEmpty(Types("Voting"));
        Assert.Contains("ideation.json", files.Keys);
        var ideation = JsonDocument.Parse(files["ideation.json"]).RootElement;
        Assert.True(ideation.TryGetProperty("idea_submitted", out var submitted) && submitted.GetArrayLength() >= 1, files["ideation.json"][..Math.Min(400, files["ideation.json"].Length)]);

        await PlatformFixture.Eventually(async () =>
            Events(await Download(s.AuthorToken)).Any(e => e.GetProperty("module").GetString() == "Rewards") ? "granted" : null, "the points for the published idea in the download");

        var theirFiles = Events(await Download(other.AuthorToken));
        Assert.DoesNotContain(theirFiles, e => e.GetProperty("type").GetString() == "comment_posted" && e.GetProperty("data").GetProperty("Text").GetString() == "A mooring for small boats too?");
        Assert.Contains(theirFiles, e => e.GetProperty("type").GetString() == "vote_cast" && e.GetProperty("data").GetProperty("IdeaId").GetGuid() == mine);
    }
}
