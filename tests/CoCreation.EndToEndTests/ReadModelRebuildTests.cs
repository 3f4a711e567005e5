using System.Net;
using CoCreation.Host.ReadModels;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>`read-models rebuild` folds the log again into exactly what the inline projections wrote (docs/adr/0026).</summary>
[Collection(PlatformCollection.Name)]
public class ReadModelRebuildTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_inline_read_model_rebuilt_from_the_log_equals_what_the_appends_wrote_and_repairs_what_was_damaged()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var voter = await platform.TokenFor(PlatformFixture.Unique("voter"), "participant");
        var coAuthor = PlatformFixture.Unique("coauthor");
        var coAuthorToken = await platform.TokenFor(coAuthor, "participant");
        await platform.AcceptAgreement(coAuthorToken);
        var ideas = new List<Guid>();
        for (var i = 0; i < 4; i++) ideas.Add(await s.PublishedIdea(campaignId));
        var pending = (await s.SubmitIdea(campaignId)).IdeaId;
        foreach (var idea in ideas.Take(3))
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes", voter, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideas[0]}/comments", voter, new { text = "Would it float?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideas[1]}/coauthors", s.AuthorToken, new { userId = coAuthor })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideas[1]}/coauthors/accept", coAuthorToken, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideas[3]}/withdraw", s.AuthorToken, new { })).StatusCode);
        await PlatformFixture.Eventually(async () => (await s.Idea(ideas[0])).GetProperty("supporters").GetInt32() == 1 ? "counted" : null, "the first vote counted");

        var rebuild = platform.App.Services.GetRequiredService<StreamFoldRebuild>();
        var store = platform.App.Services.GetRequiredService<IDocumentStore>();
        var db = platform.App.Services.GetRequiredService<NpgsqlDataSource>();
        var rebuildable = rebuild.Rebuildable();
        Assert.Contains("IdeaDetails", rebuildable.Keys);
        Assert.DoesNotContain("IdeaJourney", rebuildable.Keys); // Insights' async projections are left to the daemon

        var before = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (name, type) in rebuildable) before[name] = await Rows(db, Table(store, type), campaignId);
        Assert.Equal(ideas.Count + 1, before["IdeaDetails"].Count);
        Assert.True(before.Values.Count(rows => rows.Count > 0) >= 6, "the scenario reaches most read models");

        // Damage: a document lost, one altered, one that no stream folds to.
        var details = Table(store, typeof(CoCreation.Ideation.Ideas.GettingDetails.IdeaDetails));
        await Execute(db, $"delete from {details} where id = '{ideas[2]}'");
        await Execute(db, $"update {details} set data = jsonb_set(data, '{{title}}', '\"tampered\"') where id = '{pending}'");
        var stray = Guid.NewGuid();
        await Execute(db, $"insert into {details} (id, data, mt_last_modified, mt_version, mt_dotnet_type) select '{stray}', data, now(), mt_version, mt_dotnet_type from {details} where id = '{ideas[0]}'");

        foreach (var name in rebuildable.Keys)
        {
            var result = await rebuild.Rebuild(name, CancellationToken.None);
            Assert.True(before[name].Count == 0 || result.Documents >= before[name].Count, $"{name} read {result.Events} events into {result.Documents} documents");
            var after = await Rows(db, Table(store, rebuildable[name]), campaignId);
            Assert.Equal(before[name].Keys.Order(), after.Keys.Where(k => k != stray.ToString()).Order());
            foreach (var (id, json) in before[name]) Assert.True(json == after[id], $"{name} {id}: {json} became {after[id]}");
        }
        Assert.Equal(0L, await Count(db, $"select count(*) from {details} where id = '{stray}'"));
        Assert.Equal("Published", (await s.Idea(ideas[2])).GetProperty("status").GetString());

        // The rebuilt read models go on being maintained by the appends.
        Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{ideas[2]}/votes",
            await platform.TokenFor(PlatformFixture.Unique("voter"), "participant"), new { })).StatusCode);
        await PlatformFixture.Eventually(async () => (await s.Idea(ideas[2])).GetProperty("supporters").GetInt32() == 2 ? "counted" : null, "a vote after the rebuild");
    }

    [Fact]
    public async Task A_stream_appended_to_while_the_log_is_read_is_folded_again_so_the_rebuild_does_not_undo_the_append()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var idea = await s.PublishedIdea(campaignId);
        var rebuild = platform.App.Services.GetRequiredService<StreamFoldRebuild>();

        var result = await rebuild.Rebuild("IdeaDetails", CancellationToken.None, async () =>
        {
            Assert.Equal(HttpStatusCode.Created, (await platform.Send(HttpMethod.Post, $"/api/ideas/{idea}/votes",
                await platform.TokenFor(PlatformFixture.Unique("voter"), "participant"), new { })).StatusCode);
            await PlatformFixture.Eventually(async () => (await s.Idea(idea)).GetProperty("supporters").GetInt32() == 1 ? "counted" : null, "the vote counted");
        });

        Assert.True(result.Refolded >= 1, $"{result.Refolded} streams folded again");
        Assert.Equal(1, (await s.Idea(idea)).GetProperty("supporters").GetInt32());
    }

    [Fact]
    public async Task The_command_line_lists_and_rebuilds_by_name_and_refuses_an_unknown_one()
    {
        var (code, output) = await PlatformFixture.RunHostCli("read-models", "list");
        Assert.True(code == 0, output);
        Assert.Contains("IdeaDetails", output);
        Assert.DoesNotContain("IdeaJourney", output);

        (code, output) = await PlatformFixture.RunHostCli("read-models", "rebuild", "IdeaDetails");
        Assert.True(code == 0, output);
        Assert.Matches(@"IdeaDetails: \d+ documents from \d+ events up to sequence \d+", output);

        (code, output) = await PlatformFixture.RunHostCli("read-models", "rebuild", "IdeaJourney");
        Assert.Equal(2, code);
        Assert.Contains("Not an inline single-stream read model: IdeaJourney", output);
        Assert.Contains("projections rebuild", output);
    }

    private static string Table(IDocumentStore store, Type document) => store.Options.FindOrResolveDocumentType(document).TableName.QualifiedName;

    /// <summary>The read model's rows that belong to the campaign (its own document, or one that names it), as canonical jsonb text.</summary>
    private static async Task<Dictionary<string, string>> Rows(NpgsqlDataSource db, string table, Guid campaignId)
    {
        var rows = new Dictionary<string, string>();
        await using var command = db.CreateCommand($"select id::text, data::text from {table} where id::text = $1 or data::text like '%' || $1 || '%'");
        command.Parameters.Add(new() { Value = campaignId.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }

    private static async Task Execute(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<long> Count(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
