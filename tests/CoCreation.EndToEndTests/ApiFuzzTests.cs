using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CoCreation.EndToEndTests.Fuzz;
using Xunit.Abstractions;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Every operation of the host's OpenAPI document, called by every role and by nobody, with broken and valid-looking
/// requests: no answer may be a 5xx, and every error must be an RFC 9457 problem with type, title and status.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ApiFuzzTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Seed = 20_250_612;

    /// <summary>
    /// The all-roles principal, and on a protected operation each principal that gets past authorization, gets every case;
    /// the others (and everyone on a public operation) every Share-th case, each its own slice, and the valid one.
    /// </summary>
    private const int Share = 8;

    private static readonly string[] Roles = ["participant", "moderator", "brand", "legal", "admin"];

    /// <summary>Run last, in this order: each one ends what the operations before it work on.</summary>
    private static readonly string[] Finishing =
    [
        "PUT /api/ideas/{id}", "POST /api/ideas/{id}/withdraw", "POST /api/campaigns/{id}/close", "DELETE /api/members/{userId}/personal-data"
    ];

    /// <summary>Each erasure rebuilds every read model (a second or more): only the all-roles principal gets every case.</summary>
    private static readonly string[] Slow = ["DELETE /api/members/{userId}/personal-data"];

    private sealed record Principal(string Name, string? Token);

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_problem_and_never_a_5xx()
    {
        var document = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/openapi/v1.json"));
        var operations = OpenApiOperations.Read(document);
        Assert.True(operations.Count >= 40, $"the OpenAPI document lists only {operations.Count} operations");

        var setup = Stopwatch.StartNew();
        var run = PlatformFixture.Unique("fuzz");
        var principals = new List<Principal> { new("anonymous", null), new("malformed-token", "fuzz.not.a-jwt") };
        foreach (var role in Roles) principals.Add(new(role, await platform.TokenFor($"{run}-{role}", role)));
        var owner = $"{run}-all";
        principals.Add(new("all-roles", await platform.TokenFor(owner, Roles)));
        var world = await MakeWorld(run, owner, principals);
        output.WriteLine($"Setup through the API took {setup.Elapsed.TotalSeconds:F1}s.");

        // Reads first, then writes, then the operations that end a subject.
        var ordered = operations
            .OrderBy(o => Array.IndexOf(Finishing, o.ToString()))
            .ThenBy(o => o.Method == "GET" ? 0 : 1)
            .ToList();
        var generator = new FuzzCaseGenerator(world, Seed);
        var report = new FuzzReport();
        using var http = new HttpClient { BaseAddress = platform.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var templatesSeen = new HashSet<string>();
        var admittedPairs = 0;
        var unreached = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var operation in ordered)
        {
            var cases = generator.For(operation, withUnsupportedMethod: templatesSeen.Add(operation.Template)
                && !operations.Any(o => o.Template == operation.Template && o.Method == "PATCH"));
            var isPublic = false;
            var reached = false;
            for (var p = 0; p < principals.Count; p++)
            {
                var principal = principals[p];
                var probe = await report.Record(operation, principal.Name, cases[0], () => Send(http, operation, cases[0], principal.Token));
                var admitted = probe is not (0 or 401 or 403);
                if (principal.Token is null) isPublic = admitted;
                if (admitted) admittedPairs++;
                reached |= admitted;
                var everything = principal.Name == "all-roles" || (admitted && !isPublic && !Slow.Contains(operation.ToString()));
                for (var i = 1; i < cases.Count; i++)
                    if (everything || i % Share == p % Share || cases[i].Kind == "valid")
                        await report.Record(operation, principal.Name, cases[i], () => Send(http, operation, cases[i], principal.Token));
            }
            if (!reached) unreached.Add(operation.ToString());
        }
        clock.Stop();

        var totals = $"{report.Totals(clock.Elapsed, operations.Count)} {admittedPairs} of {operations.Count * principals.Count} " +
            $"operation-principal pairs got past authorization.";
        output.WriteLine(totals);
        output.WriteLine(report.Summary());
        Assert.True(report.Failures.Count == 0 && unreached.Count == 0,
            $"{totals}\n" +
            (unreached.Count == 0 ? "" : $"No principal got past authorization on: {string.Join(", ", unreached)}\n") +
            $"{report.Summary()}\nEvery failure:\n{report.Listing()}");
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, ApiOperation operation, FuzzCase fuzzCase, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzzCase.Method ?? operation.Method), new Uri(http.BaseAddress!, fuzzCase.Path));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (fuzzCase.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzzCase.Body);
            if (fuzzCase.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzzCase.ContentType);
        }
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>
    /// An open campaign of the all-roles member with five of its ideas: published (with a comment and a dispute by another
    /// member), waiting in the moderation queue, rejected, selected, and under review; so that requests with real ids reach
    /// their handlers in the states they need.
    /// </summary>
    private async Task<FuzzWorld> MakeWorld(string run, string owner, IReadOnlyList<Principal> principals)
    {
        var ownerToken = principals.Single(p => p.Name == "all-roles").Token!;
        await platform.AcceptAgreement(ownerToken);
        await platform.AcceptAgreement(principals.Single(p => p.Name == "participant").Token!);
        var others = await new Scenario(platform).WithTokens();

        var created = await platform.Send(HttpMethod.Post, "/api/campaigns", ownerToken,
            new { title = "Harbour machines", brief = "Sets about harbours, for the fuzz test." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await PlatformFixture.Json(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/open", ownerToken)).StatusCode);

        async Task<Guid> Submit(string title, string description)
        {
            var submitted = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", ownerToken, new { title, description, tags = new[] { "harbour" } });
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            return (await PlatformFixture.Json(submitted)).GetProperty("id").GetGuid();
        }
        async Task ReachStatus(Guid ideaId, string status) => await PlatformFixture.Eventually(async () =>
        {
            var idea = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}", ownerToken);
            return idea.IsSuccessStatusCode && (await PlatformFixture.Json(idea)).GetProperty("status").GetString() == status ? status : null;
        }, $"idea {ideaId} to become {status}");
        async Task<Guid> UnderReview(string title, string description)
        {
            var ideaId = await Submit(title, description);
            await others.Publish(ideaId);
            await platform.Publish(new CoCreation.Voting.Contracts.MilestoneReachedIntegrationEvent(ideaId, campaignId, 0, 100, true, [owner], DateTimeOffset.UtcNow));
            await ReachStatus(ideaId, "UnderReview");
            return ideaId;
        }

        var published = await Submit("Harbour crane on rails", "A crane on rails that lifts containers from ships onto trucks.");
        await others.Publish(published);
        var pendingItem = (await others.QueueItemFor(await Submit("Container ship with a deck crane", "A feeder ship that unloads itself."))).GetProperty("id").GetGuid();
        var rejected = await Submit("Lighthouse with a rotating lamp", "A tall tower whose lamp turns by a hand crank.");
        var rejectedItem = (await others.QueueItemFor(rejected)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/moderation/items/{rejectedItem}/decision", others.ModeratorToken,
            new { decision = "Reject", reasonCode = "off-topic", note = "Not a harbour machine." })).StatusCode);
        await ReachStatus(rejected, "Rejected");
        var selected = await UnderReview("Tugboat that pushes barges", "A small strong boat with rubber fenders all round.");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Post, $"/api/ideas/{selected}/decision", ownerToken,
            new { outcome = "Selected", note = "We will build it." })).StatusCode);
        await ReachStatus(selected, "Selected");
        var reviewed = await UnderReview("Dry dock for model ships", "A basin that drains so the hull can be painted.");

        var comment = await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/comments", others.AuthorToken, new { text = "Would it fit a small harbour?" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var dispute = await platform.Send(HttpMethod.Post, $"/api/ideas/{published}/disputes", others.AuthorToken,
            new { claim = "Looks like my crane", evidence = "My sketch of 2019." });
        Assert.Equal(HttpStatusCode.Created, dispute.StatusCode);

        return new FuzzWorld(platform.AgreementVersion, owner, $"{run}-member", campaignId, published, pendingItem, rejected, rejectedItem,
            selected, reviewed, (await PlatformFixture.Json(comment)).GetProperty("id").GetGuid(), (await PlatformFixture.Json(dispute)).GetProperty("id").GetGuid());
    }
}
