using System.Net;
using System.Text.Json;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Leaderboards;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class RewardsTests(PlatformFixture platform)
{
    private async Task<JsonElement> Rewards(string userId, string token) =>
        await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/members/{userId}/rewards", token));

    private static decimal Money(JsonElement rewards, string currency) =>
        rewards.GetProperty("balance").GetProperty("money").EnumerateArray()
            .Where(m => m.GetProperty("currency").GetString() == currency).Sum(m => m.GetProperty("amount").GetDecimal());

    [Fact]
    public async Task Selection_pays_the_prize_and_reported_sales_pay_royalties_by_confirmed_shares_once_each()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "Royalty harbour", brief = "Sets that sell.",
            rewards = new { pointsForSelection = 100, prize = new { amount = 1000.00m, currency = "EUR" }, royaltyPercent = 1.5m }
        });
        var ideaId = await s.PublishedIdea(campaignId);
        var co = PlatformFixture.Unique("co");
        var coToken = await platform.TokenFor(co, "participant");
        await platform.AcceptAgreement(coToken);
        await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", s.AuthorToken, new { userId = co });
        await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", coToken);
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", s.AuthorToken))).GetProperty("shares").GetArrayLength() == 2 ? "two" : null,
            "IntellectualProperty to learn of the co-author");
        await platform.Send(HttpMethod.Put, $"/api/ideas/{ideaId}/ownership", s.AuthorToken,
            new { shares = new[] { new { userId = s.Author, percent = 66.67m }, new { userId = co, percent = 33.33m } } });
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/ownership/confirm", coToken)).StatusCode);

        // Sales before selection earn nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/sales", s.BrandToken,
            new { period = "2027-Q1", netSales = 100m, currency = "EUR" })).StatusCode);

        await platform.Publish(new CoCreation.Voting.Contracts.MilestoneReachedIntegrationEvent(ideaId, campaignId, 0, 100, true, [s.Author, co], DateTimeOffset.UtcNow));
        await s.AwaitStatus(ideaId, "UnderReview");
        // The prize is split by what Rewards holds at selection: wait until it holds the confirmed split.
        await PlatformFixture.Eventually(async () =>
            (await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/sales", s.BrandToken))).GetProperty("basis").GetString() == "confirmed"
                ? "confirmed" : null, "Rewards to hold the confirmed split");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/decision", s.BrandToken, new { outcome = "Selected", note = "Yes" })).StatusCode);

        var author = await PlatformFixture.Eventually(async () =>
            await Rewards(s.Author, s.AuthorToken) is var r && Money(r, "EUR") > 0 ? r.GetRawText() : null, "the prize");
        Assert.Equal(666.70m, Money(JsonDocument.Parse(author).RootElement, "EUR"));
        Assert.Equal(333.30m, Money(await Rewards(co, coToken), "EUR"));

        // The same selection message delivered three more times pays nothing more.
        var again = new IdeaSelectedIntegrationEvent(ideaId, campaignId, [s.Author, co], s.Brand, DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++) await platform.Publish(again);
        // The prize handler takes its messages in order: once a later selection is paid, the redeliveries were handled.
        var sentinel = PlatformFixture.Unique("sentinel");
        var sentinelToken = await platform.TokenFor(sentinel, "participant");
        await platform.Publish(new IdeaSelectedIntegrationEvent(Guid.NewGuid(), campaignId, [sentinel], s.Brand, DateTimeOffset.UtcNow));
        await PlatformFixture.Eventually(async () => Money(await Rewards(sentinel, sentinelToken), "EUR") == 1000m ? "paid" : null, "the sentinel selection");
        Assert.Equal(666.70m, Money(await Rewards(s.Author, s.AuthorToken), "EUR"));

        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/sales", s.BrandToken,
            new { period = "2027-Q1", netSales = -5m, currency = "EUR" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/sales", s.BrandToken,
            new { period = "2027-Q1", netSales = 10m, currency = "euro" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/sales", s.AuthorToken,
            new { period = "2027-Q1", netSales = 10m, currency = "EUR" })).StatusCode);
        var sales = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/sales", s.BrandToken, new { period = "2027-Q1", netSales = 12345.67m, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, sales.StatusCode);
        var report = await PlatformFixture.Json(sales);
        Assert.Equal(185.19m, report.GetProperty("royalty").GetDecimal());
        var parts = report.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("amount").GetDecimal()).ToList();
        Assert.Equal([123.47m, 61.72m], parts);
        Assert.Equal(185.19m, parts.Sum());
        var twice = await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/sales", s.BrandToken, new { period = "2027-Q1", netSales = 1m, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.EndsWith("/problems/period-already-reported", (await PlatformFixture.Json(twice)).GetProperty("type").GetString());

        var history = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/sales", s.BrandToken));
        Assert.Equal("2027-Q1", Assert.Single(history.GetProperty("reports").EnumerateArray()).GetProperty("period").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/sales", s.AuthorToken)).StatusCode);
        var final = await Rewards(s.Author, s.AuthorToken);
        Assert.Equal(666.70m + 123.47m, Money(final, "EUR"));
        Assert.Single(final.GetProperty("payouts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "prize");
        Assert.Contains(final.GetProperty("entries").EnumerateArray(), e => e.GetProperty("reason").GetString() == "idea-selected");
        Assert.Equal(10 + 25 + 100, final.GetProperty("points").GetInt32()); // published, final milestone, selected
        var badges = final.GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ToList();
        Assert.Contains("first-idea-published", badges);
        Assert.Contains("first-idea-selected", badges);

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Send(HttpMethod.Get, $"/api/members/{co}/rewards", s.AuthorToken)).StatusCode);
        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");
        Assert.Equal(333.30m + 61.72m, Money(await Rewards(co, admin), "EUR"));
    }

    [Fact]
    public async Task Rebuilding_the_ledgers_and_the_leaderboard_from_the_log_changes_no_balance()
    {
        var s = await new Scenario(platform).WithTokens();
        var ideaId = await s.PublishedIdea(await s.CreateCampaign());
        var voter = PlatformFixture.Unique("voter");
        var voterToken = await platform.TokenFor(voter, "participant");
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/votes", voterToken, new { })).StatusCode);
        await PlatformFixture.Eventually(async () => (await Rewards(voter, voterToken)).GetProperty("points").GetInt32() == 1 ? "paid" : null, "the vote's point");

        var store = platform.App.Services.GetRequiredService<IDocumentStore>();
        async Task<(Dictionary<string, (int, decimal)> Ledgers, Dictionary<string, int> Board)> Snapshot()
        {
            await using var session = store.QuerySession();
            var ledgers = (await session.Query<Ledger>().ToListAsync())
                .ToDictionary(l => l.MemberId, l => (l.Points, (l.Payouts ?? []).Sum(p => p.Amount)));
            var board = (await session.Query<LeaderboardEntry>().ToListAsync()).ToDictionary(e => e.Id, e => e.Points);
            return (ledgers, board);
        }
        var before = await Snapshot();
        Assert.NotEmpty(before.Ledgers);

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<Ledger>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<LeaderboardProjection>(CancellationToken.None);

        var after = await Snapshot();
        Assert.Equal(before.Ledgers.OrderBy(x => x.Key), after.Ledgers.OrderBy(x => x.Key));
        Assert.Equal(before.Board.OrderBy(x => x.Key), after.Board.OrderBy(x => x.Key));
    }
}
