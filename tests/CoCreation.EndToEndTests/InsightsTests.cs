using System.Net;
using System.Text.Json;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Insights, fed only by the other modules' messages: a campaign whose every fact the test makes, and figures the test
/// derives from that scenario by its own arithmetic, over real HTTP.
/// </summary>
[Collection(PlatformCollection.Name)]
public class InsightsTests(PlatformFixture platform)
{
    private sealed record Campaign(Scenario S, Guid Id, Guid A, Guid B, Guid C, string[] Voters);

    /// <summary>
    /// Three ideas by one author; A and B approved, C rejected as off-topic; three members support A (its one milestone
    /// is 3 supporters, so A goes to review); the first supports B and retracts; the first two comment on A; the third flags B.
    /// </summary>
    private async Task<Campaign> Played()
    {
        var s = await new Scenario(platform).WithTokens();
        var id = await s.CreateCampaign(body: new
        {
            title = "Harbour insights", brief = "Sets about ports.", milestones = new[] { new { supporters = 3, withinDays = 30 } },
            moderation = new { flagsToHide = 10 }
        });
        var a = await Submit(s, id, "Ferry with a drawbridge", "A car ferry whose bow opens for the cars.");
        var b = await Submit(s, id, "Lighthouse keeper cottage", "A cottage beside a lighthouse.");
        var c = await Submit(s, id, "Racing car", "A fast racing car for the track.");
        await s.Publish(a);
        await s.Publish(b);
        var item = await s.QueueItemFor(c);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{item.GetProperty("id").GetGuid()}/decision", s.ModeratorToken,
            new { decision = "Reject", reasonCode = "off-topic" })).StatusCode);

        var voters = new string[3];
        for (var i = 0; i < 3; i++) voters[i] = await platform.TokenFor(PlatformFixture.Unique($"voter{i}"), "participant");
        foreach (var voter in voters) Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{a}/votes", voter, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{b}/votes", voters[0], new { })).StatusCode);
        Assert.True((await platform.Send(HttpMethod.Delete, $"/api/ideas/{b}/votes/mine", voters[0])).IsSuccessStatusCode);
        foreach (var voter in voters[..2])
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{a}/comments", voter, new { text = "Lovely bow door." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{b}/flags", voters[2], new { reason = "duplicate" })).StatusCode);
        return new Campaign(s, id, a, b, c, voters);
    }

    private async Task<Guid> Submit(Scenario s, Guid campaignId, string title, string description)
    {
        var response = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken, new { title, description, tags = new[] { "Harbour" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await PlatformFixture.Json(response)).GetProperty("id").GetGuid();
    }

    /// <summary>The report once Insights has noted every fact of the scenario (its messages arrive a moment later).</summary>
    private async Task<JsonElement> Settled(Campaign c, string token, string query = "")
    {
        var raw = await PlatformFixture.Eventually(async () =>
        {
            var response = await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights{query}", token);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var r = await PlatformFixture.Json(response);
            var e = r.GetProperty("engagement");
            var done = e.GetProperty("votesRetracted").GetInt32() == 1 && e.GetProperty("comments").GetInt32() == 2 && e.GetProperty("flags").GetInt32() == 1
                       && r.GetProperty("moderation").GetProperty("decisions").GetInt32() == 3
                       && r.GetProperty("funnel").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "UnderReview" && s.GetProperty("count").GetInt32() == 1);
            return done ? r.GetRawText() : null;
        }, "Insights to note the scenario");
        return JsonDocument.Parse(raw).RootElement;
    }

    [Fact]
    public async Task A_campaigns_figures_are_what_its_events_say()
    {
        var c = await Played();
        var r = await Settled(c, c.S.BrandToken);

        var e = r.GetProperty("engagement");
        // 3 submitted, 2 published; 4 casts (3 on A, 1 on B), 1 retraction; the author and the three voters were active, all for the first time.
        Assert.Equal((3, 2, 2, 4, 1, 1, 4, 4), (e.GetProperty("ideasSubmitted").GetInt32(), e.GetProperty("ideasPublished").GetInt32(), e.GetProperty("comments").GetInt32(),
            e.GetProperty("votesCast").GetInt32(), e.GetProperty("votesRetracted").GetInt32(), e.GetProperty("flags").GetInt32(),
            e.GetProperty("activeMembers").GetInt32(), e.GetProperty("newMembers").GetInt32()));

        var funnel = r.GetProperty("funnel").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Submitted"] = 3, ["Published"] = 2, ["Milestone1"] = 1, ["UnderReview"] = 1, ["Selected"] = 0, ["InProduction"] = 0, ["Launched"] = 0 }, funnel);
        Assert.Equal(2 / 3.0, r.GetProperty("funnel")[1].GetProperty("conversion").GetDouble(), 6);
        var exits = r.GetProperty("exits");
        Assert.Equal(1, exits.GetProperty("rejected").GetInt32());
        Assert.Equal("off-topic", Assert.Single(exits.GetProperty("rejectedFor").EnumerateArray()).GetProperty("reason").GetString());

        var m = r.GetProperty("moderation");
        Assert.Equal(3, m.GetProperty("decisions").GetInt32());
        Assert.Equal(new[] { ("Approve", 2), ("Reject", 1) }, m.GetProperty("byDecision").EnumerateArray().Select(d => (d.GetProperty("reason").GetString()!, d.GetProperty("count").GetInt32())).ToArray());
        Assert.True(m.GetProperty("queueWaitP50Seconds").GetDouble() >= 0);
        Assert.Equal(100.0 / 3, m.GetProperty("flagsPer100Ideas").GetDouble(), 6);

        // Actions per member: author 3 ideas; voter 0: 2 casts, 1 retraction, 1 comment; voter 1: 1 cast, 1 comment; voter 2: 1 cast, 1 flag.
        int[] actions = [3, 4, 2, 2];
        var mean = actions.Average();
        var gini = actions.SelectMany(x => actions, (x, y) => Math.Abs(x - y)).Sum() / (2.0 * actions.Length * actions.Length * mean);
        var k = r.GetProperty("concentration");
        Assert.Equal(4, k.GetProperty("members").GetInt32());
        Assert.Equal(1.0, k.GetProperty("ideasFromTop1Percent").GetDouble(), 6);
        Assert.Equal(2 / 4.0, k.GetProperty("votesFromTop10Percent").GetDouble(), 6);
        Assert.Equal(gini, k.GetProperty("activityGini").GetDouble(), 6);

        var impact = r.GetProperty("impact");
        // Three distinct members cast a vote; the public ideas hold A's 3 supporters and B's none after the retraction.
        Assert.Equal((3, 3), (impact.GetProperty("supportersReached").GetInt32(), impact.GetProperty("support").GetInt32()));

        // Themes read only the public ideas: the rejected one's words are not there.
        var terms = r.GetProperty("themes").GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToList();
        Assert.Contains("drawbridge", terms);
        Assert.DoesNotContain("racing", terms);
        Assert.Equal(("harbour", 2), r.GetProperty("themes").GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("term").GetString()!, t.GetProperty("count").GetInt32())).Single());
    }

    [Fact]
    public async Task A_period_narrows_the_figures_a_bad_one_is_a_problem_and_each_table_downloads_as_csv()
    {
        var c = await Played();
        var whole = await Settled(c, c.S.BrandToken);
        // The application clock's days (other tests move that clock forward), first and last of the scenario's.
        var daily = whole.GetProperty("daily");
        var (first, last) = (daily[0].GetProperty("period").GetString(), daily[daily.GetArrayLength() - 1].GetProperty("period").GetString());

        var past = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights?from=2020-01-01&to=2020-01-31", c.S.BrandToken));
        Assert.Equal((0, 0), (past.GetProperty("engagement").GetProperty("votesCast").GetInt32(), past.GetProperty("engagement").GetProperty("activeMembers").GetInt32()));
        Assert.Equal("2020-01-01", past.GetProperty("from").GetString());
        var now = await Settled(c, c.S.BrandToken, $"?from={first}&to={last}");
        Assert.Equal(4, now.GetProperty("engagement").GetProperty("votesCast").GetInt32());

        foreach (var bad in new[] { "?from=yesterday", "?from=2026-12-02&to=2026-12-01" })
        {
            var refused = await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights{bad}", c.S.BrandToken);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        var funnel = await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights/funnel.csv", c.S.BrandToken);
        Assert.Equal("text/csv", funnel.Content.Headers.ContentType?.MediaType);
        var lines = (await funnel.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Stage,Count,Conversion,MedianDaysFromPrevious", lines[0]);
        Assert.StartsWith("Submitted,3,", lines[1]);
        Assert.StartsWith("Published,2,", lines[2]);
        foreach (var table in new[] { "daily", "weekly", "exits", "retention", "moderation", "concentration", "impact", "tags", "terms", "similar" })
        {
            var csv = await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights/{table}.csv?from={first}", c.S.BrandToken);
            Assert.True(csv.StatusCode == HttpStatusCode.OK && csv.Content.Headers.ContentType?.MediaType == "text/csv", $"{table}: {(int)csv.StatusCode}");
        }
        var tags = (await (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights/tags.csv", c.S.BrandToken)).Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(["Term,Count", "harbour,2"], tags[..2]);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights/nothing.csv", c.S.BrandToken)).StatusCode);
    }

    [Fact]
    public async Task Only_the_campaigns_brand_legal_and_admins_read_its_figures_and_only_admins_the_platforms()
    {
        var c = await Played();
        await Settled(c, c.S.BrandToken);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");
        var otherBrand = await platform.TokenFor(PlatformFixture.Unique("brand"), "brand");

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights", legal)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights", otherBrand)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights/funnel.csv", otherBrand)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights", c.Voters[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{c.Id}/insights")).StatusCode);
        // A draft is unknown to Insights (it learns of campaigns when they open).
        var draft = await c.S.CreateCampaign(open: false);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{draft}/insights", c.S.BrandToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, "/api/insights", c.S.BrandToken)).StatusCode);
        var all = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/insights", admin));
        var headline = Assert.Single(all.GetProperty("byCampaign").EnumerateArray(), h => h.GetProperty("campaignId").GetGuid() == c.Id);
        Assert.Equal((3, 4), (headline.GetProperty("ideasSubmitted").GetInt32(), headline.GetProperty("votesCast").GetInt32()));
        Assert.True(all.GetProperty("engagement").GetProperty("votesCast").GetInt32() >= 4);
    }

    [Fact]
    public async Task Erasing_an_author_erases_their_words_from_the_themes_and_the_figures_still_count_their_ideas()
    {
        var c = await Played();
        Assert.Contains("drawbridge", Terms(await Settled(c, c.S.BrandToken)));
        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");

        Assert.True((await platform.Send(HttpMethod.Delete, $"/api/members/{c.S.Author}/personal-data", admin)).IsSuccessStatusCode);

        var after = await Settled(c, c.S.BrandToken);
        Assert.DoesNotContain("drawbridge", Terms(after));
        Assert.Equal(3, after.GetProperty("engagement").GetProperty("ideasSubmitted").GetInt32());
    }

    private static List<string?> Terms(JsonElement report) =>
        report.GetProperty("themes").GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToList();
}
