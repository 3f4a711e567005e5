using System.Net;
using CoCreation.BuildingBlocks.TimeTravel;
using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>The audit reads that must stay fast at a million events read what they read before (docs/adr/0025).</summary>
[Collection(PlatformCollection.Name)]
public class AuditReadTests(PlatformFixture platform)
{
    [Fact]
    public async Task Folding_a_campaigns_ideas_at_once_gives_what_folding_each_alone_gives_at_every_instant()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var clock = platform.App.Services.GetRequiredService<CoCreation.BuildingBlocks.Time.AppClock>();
        var log = platform.App.Services.GetRequiredService<IEventLogAt>();
        var store = platform.App.Services.GetRequiredService<IDocumentStore>();
        var voters = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => platform.TokenFor(PlatformFixture.Unique("voter"), "participant")));

        var ideas = new List<Guid>();
        var instants = new List<DateTimeOffset>();
        for (var i = 0; i < 12; i++)
        {
            var idea = i % 3 == 0 ? (await s.SubmitIdea(campaignId)).IdeaId : await s.PublishedIdea(campaignId);
            ideas.Add(idea);
            foreach (var voter in voters.Take(i % 4))
                if (i % 3 != 0) Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", voter, new { })).StatusCode);
            if (i % 4 == 3) { instants.Add(clock.GetUtcNow()); await Task.Delay(20); }
        }
        instants.Add(clock.GetUtcNow());

        foreach (var at in instants)
        {
            var folded = await log.AggregatesAt<IdeaDetails>(ideas, at, CancellationToken.None);
            var versions = await log.VersionsAt(ideas, at, CancellationToken.None);
            Assert.Equal(versions.Keys.Order(), folded.Keys.Order());
            await using var session = store.QuerySession();
            foreach (var (idea, version) in versions)
            {
                var alone = await session.Events.AggregateStreamAsync<IdeaDetails>(idea, version);
                Assert.NotNull(alone);
                Assert.Equal((alone.Title, alone.Status, alone.Supporters, alone.Revision, alone.CampaignId),
                    (folded[idea].Title, folded[idea].Status, folded[idea].Supporters, folded[idea].Revision, folded[idea].CampaignId));
            }
        }
        Assert.True((await log.AggregatesAt<IdeaDetails>(ideas, instants[0], CancellationToken.None)).Count < ideas.Count, "ideas submitted later are absent");
        Assert.Empty(await log.AggregatesAt<IdeaDetails>([Guid.NewGuid()], clock.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task A_campaigns_history_is_read_through_the_campaign_index()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        await s.PublishedIdea(campaignId);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var db = platform.App.Services.GetRequiredService<NpgsqlDataSource>();

        async Task<long> Scans()
        {
            await using var command = db.CreateCommand("select coalesce(sum(idx_scan), -1)::bigint from pg_stat_user_indexes where indexrelname = 'mt_events_campaign'");
            return (long)(await command.ExecuteScalarAsync())!;
        }
        var before = await Scans();
        Assert.True(before >= 0, "the campaign index exists");

        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, $"/api/campaigns/{campaignId}/history?limit=5", legal)).StatusCode);
        // Statistics reach pg_stat a moment after the reading transaction ends.
        await PlatformFixture.Eventually(async () => await Scans() > before ? "scanned" : null, "an index scan of mt_events_campaign");
    }
}
