using System.Net;
using System.Text.Json;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.Host.Infrastructure.OpenApi;

namespace CoCreation.EndToEndTests;

/// <summary>/openapi/v1.json, fetched from the real host, is a document a client can be written against; its access rules are checked against the host's answers.</summary>
[Collection(PlatformCollection.Name)]
public class OpenApiDocumentTests(PlatformFixture platform)
{
    private static readonly string[] PublicReads =
        ["GET /api/campaigns", "GET /api/ideas/{id}", "GET /api/ideas/{id}/tally", "GET /api/campaigns/{id}/leaderboard", "GET /api/campaigns/{id}/donation", "GET /api/ip/agreements/current"];

    private sealed record Operation(string Method, string Path, JsonElement Body)
    {
        public string Key => $"{Method} {Path}";
        public bool IsProtected => Body.TryGetProperty("security", out var s) && s.GetArrayLength() > 0;
        public IReadOnlyList<string> Roles => Body.TryGetProperty("x-roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        public bool HasResponse(string status) => Body.GetProperty("responses").TryGetProperty(status, out _);
        public JsonElement Response(string status) => Body.GetProperty("responses").GetProperty(status);
    }

    private async Task<JsonElement> Document() => await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/openapi/v1.json"));

    private static List<Operation> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value)))
            .ToList();

    private static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static string RefName(JsonElement schema) => schema.GetProperty("$ref").GetString()!.Split('/')[^1];

    [Fact]
    public async Task The_document_parses_without_errors()
    {
        var text = await (await platform.Send(HttpMethod.Get, "/openapi/v1.json")).Content.ReadAsStringAsync();
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_of_its_own()
    {
        var operations = Operations(await Document());
        Assert.True(operations.Count > 40, $"only {operations.Count} operations");
        Assert.All(operations, op => Assert.False(string.IsNullOrWhiteSpace(op.Body.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{op.Key} has no summary"));
    }

    [Fact]
    public async Task Only_protected_operations_carry_the_bearer_requirement()
    {
        var document = await Document();
        Assert.False(document.TryGetProperty("security", out var top) && top.GetArrayLength() > 0, "a document-level security requirement puts a lock on public reads");
        var operations = Operations(document).ToDictionary(o => o.Key);
        foreach (var key in PublicReads)
        {
            Assert.False(operations[key].IsProtected, $"{key} is public but carries a security requirement");
            Assert.False(operations[key].Body.TryGetProperty("x-roles", out _), $"{key} is public but names roles");
        }
        foreach (var key in new[] { "POST /api/campaigns", "GET /api/moderation/queue", "DELETE /api/ideas/{id}/votes/mine", "GET /api/ideas/{id}/provenance" })
            Assert.True(operations[key].IsProtected, $"{key} is protected but carries no security requirement");
        Assert.Equal(["brand"], operations["POST /api/campaigns"].Roles);
        Assert.Equal(["moderator", "legal"], operations["GET /api/moderation/log"].Roles);
        Assert.EndsWith("Roles: brand.", operations["POST /api/campaigns"].Body.GetProperty("description").GetString());
        Assert.Empty(operations["GET /api/ideas/{id}/provenance"].Roles);
        Assert.EndsWith("Any signed-in member.", operations["GET /api/ideas/{id}/provenance"].Body.GetProperty("description").GetString());
    }

    /// <summary>What the document says about access is what the host does: no token is 401 on protected operations, a role outside x-roles is 403, public reads need no token.</summary>
    [Fact]
    public async Task The_documented_access_is_the_hosts_access()
    {
        var operations = Operations(await Document());
        var tokens = new Dictionary<string, string>();
        foreach (var role in Roles.All) tokens[role] = await platform.TokenFor($"openapi-{role}", role);
        var holes = new List<string>();
        foreach (var op in operations)
        {
            var path = op.Path.Replace("{id}", Guid.NewGuid().ToString()).Replace("{roundId}", Guid.NewGuid().ToString()).Replace("{userId}", "openapi-nobody").Replace("{version}", "openapi-none");
            var method = new HttpMethod(op.Method);
            if (op.IsProtected)
            {
                var anonymous = await platform.Send(method, path);
                if (anonymous.StatusCode != HttpStatusCode.Unauthorized) holes.Add($"{op.Key} without a token: {(int)anonymous.StatusCode}");
                if (op.Roles.Count == 0) continue;
                var outsider = Roles.All.First(r => !op.Roles.Contains(r));
                var refused = await platform.Send(method, path, tokens[outsider]);
                if (refused.StatusCode != HttpStatusCode.Forbidden) holes.Add($"{op.Key} as {outsider}: {(int)refused.StatusCode}");
            }
            else if (op.Method == "GET")
            {
                var read = await platform.Send(method, path);
                if (read.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) holes.Add($"{op.Key} is documented public but answers {(int)read.StatusCode}");
            }
        }
        Assert.Empty(holes);
    }

    [Fact]
    public async Task Operations_list_the_problem_responses_they_can_give()
    {
        var document = await Document();
        foreach (var op in Operations(document))
        {
            if (op.IsProtected)
                foreach (var status in new[] { "401", "403" }) AssertProblem(op, status, OperationProblems.ProblemSchema);
            if (op.Body.TryGetProperty("requestBody", out _) || op.Body.TryGetProperty("parameters", out var p) && p.EnumerateArray().Any(x => x.GetProperty("in").GetString() is "query"))
                AssertProblem(op, "400", OperationProblems.ValidationProblemSchema);
            if (op.Path.Contains("{id}")) AssertProblem(op, "404", OperationProblems.ProblemSchema);
            if (op.Method is "POST" or "PUT" or "DELETE") AssertProblem(op, "409", OperationProblems.ProblemSchema);
        }
        var problem = Schema(document, OperationProblems.ProblemSchema).GetProperty("properties");
        foreach (var member in new[] { "type", "title", "status", "detail", "instance", "correlationId" }) Assert.True(problem.TryGetProperty(member, out _), member);
        var validation = Schema(document, OperationProblems.ValidationProblemSchema).GetProperty("allOf");
        Assert.Contains(validation.EnumerateArray(), s => s.TryGetProperty("properties", out var props) && props.TryGetProperty("errors", out _));
    }

    private static void AssertProblem(Operation op, string status, string schema)
    {
        Assert.True(op.HasResponse(status), $"{op.Key} does not document {status}");
        var content = op.Response(status).GetProperty("content");
        Assert.True(content.TryGetProperty("application/problem+json", out var media), $"{op.Key} {status} is not application/problem+json");
        Assert.Equal(schema, RefName(media.GetProperty("schema")));
    }

    [Fact]
    public async Task Success_responses_have_their_real_status_and_schema()
    {
        var operations = Operations(await Document()).ToDictionary(o => o.Key);
        var create = operations["POST /api/campaigns"];
        Assert.False(create.HasResponse("200"), "POST /api/campaigns answers 201, not 200");
        Assert.True(create.Response("201").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        var retract = operations["DELETE /api/ideas/{id}/votes/mine"];
        Assert.True(retract.HasResponse("204"));
        Assert.False(retract.HasResponse("200"), "retracting a vote answers 204, not 200");
        Assert.False(retract.Response("204").TryGetProperty("content", out _));
        foreach (var op in operations.Values)
        {
            var success = op.Body.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{op.Key} documents no success response");
            foreach (var r in success.Where(r => r.Name != "204"))
                Assert.True(r.Value.TryGetProperty("content", out _), $"{op.Key} {r.Name} has no schema");
        }
    }

    [Fact]
    public async Task Schema_names_are_readable()
    {
        var text = await (await platform.Send(HttpMethod.Get, "/openapi/v1.json")).Content.ReadAsStringAsync();
        var names = JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(names, n => n.Contains("AnonymousType"));
        Assert.DoesNotContain("AnonymousType", text);
        Assert.All(names, n => Assert.True(n.Length <= 40, $"schema name too long: {n}"));
    }

    [Fact]
    public async Task Enums_are_strings_with_their_values()
    {
        var document = await Document();
        var decision = Schema(document, "DecisionRequest").GetProperty("properties").GetProperty("decision");
        var decisionEnum = Schema(document, decision.GetProperty("oneOf").EnumerateArray().Select(s => s.TryGetProperty("$ref", out _) ? RefName(s) : null).Single(n => n is not null)!);
        Assert.Equal("string", decisionEnum.GetProperty("type").GetString());
        Assert.Equal(["Approve", "Reject", "Hide"], decisionEnum.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)))
        {
            Assert.Equal("string", schema.Value.GetProperty("type").GetString());
            Assert.DoesNotContain(schema.Value.GetProperty("enum").EnumerateArray(), v => v.ValueKind == JsonValueKind.Null);
        }
        var status = Operations(document).Single(o => o.Key == "GET /api/campaigns/{id}/ideas").Body.GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "status").GetProperty("schema");
        var statusValues = status.TryGetProperty("$ref", out _) ? Schema(document, RefName(status)).GetProperty("enum") : status.GetProperty("enum");
        Assert.Contains("Published", statusValues.EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Requests_require_only_what_the_server_requires()
    {
        var document = await Document();
        string[] RequiredOf(string name) =>
            Schema(document, name).TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).Order().ToArray() : [];
        Assert.Equal(["description", "title"], RequiredOf("IdeaRequest"));
        Assert.Equal(["brief", "title"], RequiredOf("CreateCampaignRequest"));
        Assert.Equal(["decision"], RequiredOf("DecisionRequest"));
        Assert.Empty(RequiredOf("VoteRequest"));
        Assert.Empty(RequiredOf("ClockAdvanceRequest"));
        Assert.Equal(["supporters", "withinDays"], RequiredOf("MilestoneRequest"));

        var token = await platform.TokenFor(PlatformFixture.Unique("openapi-brand"), "brand");
        var onlyRequired = await platform.Send(HttpMethod.Post, "/api/campaigns", token, new { title = "Only the required fields", brief = "A brief." });
        Assert.Equal(HttpStatusCode.Created, onlyRequired.StatusCode);
        var missing = await PlatformFixture.Json(await platform.Send(HttpMethod.Post, "/api/campaigns", token, new { brief = "A brief." }));
        Assert.True(missing.GetProperty("errors").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Numbers_are_numbers()
    {
        var text = await (await platform.Send(HttpMethod.Get, "/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"integer\",\"string\"", text.Replace(" ", ""));
        Assert.DoesNotContain("\"number\",\"string\"", text.Replace(" ", ""));
    }
}
