using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoCreation.EndToEndTests;

[Collection(PlatformCollection.Name)]
public class AuthorizationMatrixTests(PlatformFixture platform, ITestOutputHelper output)
{
    private sealed record Mismatch(string Row, string Principal, string Expected, string Got, string Problem);

    [Fact]
    public async Task Every_route_answers_every_principal_as_the_matrix_says()
    {
        var clock = Stopwatch.StartNew();
        var routes = HostRoutes();
        var rows = AuthorizationMatrix.Rows;
        var mismatches = new List<Mismatch>();
        foreach (var missing in routes.Except(rows.Select(r => r.Key)).Order())
            mismatches.Add(new(missing, "-", "a row in AuthorizationMatrix", "none", "route has no row: add one"));
        foreach (var gone in rows.Select(r => r.Key).Distinct().Except(routes).Order())
            mismatches.Add(new(gone, "-", "a route in the host", "none", "row names a route the host does not have"));

        var world = await AuthorizationMatrixWorld.Build(platform);
        output.WriteLine($"fixtures built in {clock.Elapsed.TotalSeconds:F1}s");
        var requests = 0;
        foreach (var row in rows.Where(r => routes.Contains(r.Key)))
        {
            var cells = AuthorizationMatrix.Principals.Select((principal, i) => (Principal: principal, Expected: row.Expected[i]))
                .OrderBy(c => c.Expected.Contains("ok")).ToList();
            foreach (var (principal, expected) in cells)
            {
                var response = await Call(row, world, principal);
                requests++;
                var got = ClassOf(response.StatusCode);
                if (!expected.Contains(got))
                    mismatches.Add(new(row.ToString(), principal, string.Join("|", expected), $"{got} ({(int)response.StatusCode})", await ProblemType(response)));
            }
        }

        output.WriteLine($"routes: {routes.Count}, rows: {rows.Count}, principals: {AuthorizationMatrix.Principals.Length}, " +
                         $"requests: {requests}, mismatches: {mismatches.Count}, in {clock.Elapsed.TotalSeconds:F1}s");
        var report = Report(mismatches);
        output.WriteLine(report);
        Assert.True(mismatches.Count == 0, report);
    }

    /// <summary>Every API route of the running host, as "METHOD /path/{param}" (constraints dropped).</summary>
    private HashSet<string> HostRoutes()
    {
        var source = platform.App.Services.GetRequiredService<EndpointDataSource>();
        var routes = new HashSet<string>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Text))));
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                routes.Add($"{method} {path}");
        }
        return routes;

        static string Text(RoutePatternPart part) => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => part.ToString() ?? ""
        };
    }

    private async Task<HttpResponseMessage> Call(AuthorizationMatrix.Row row, AuthorizationMatrixWorld world, string principal)
    {
        var path = row.Target == "-" || !row.Route.Contains('{') ? row.Route : ReplaceParameter(row.Route, world.Targets[row.Target]);
        if (AuthorizationMatrix.Queries.TryGetValue(row.ToString(), out var query) || AuthorizationMatrix.Queries.TryGetValue(row.Key, out query)) path += query(world);
        var body = AuthorizationMatrix.Bodies.TryGetValue(row.Key, out var make) ? make(world) : null;
        return await platform.Send(new HttpMethod(row.Method), path, world.Tokens[principal], body);
    }

    /// <summary>A target of several space-separated values fills the route's parameters in order.</summary>
    private static string ReplaceParameter(string route, string value)
    {
        foreach (var part in value.Split(' '))
        {
            var start = route.IndexOf('{');
            var end = route.IndexOf('}', start);
            route = route[..start] + Uri.EscapeDataString(part) + route[(end + 1)..];
        }
        return route;
    }

    /// <summary>A 400 or 409 means the caller got past the door and a business or validation rule answered.</summary>
    private static string ClassOf(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 or 400 or 409 => "ok",
        var code => code.ToString()
    };

    private static async Task<string> ProblemType(HttpResponseMessage response)
    {
        if ((int)response.StatusCode < 400) return "-";
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var type))
                return type.GetString()?.Split("/problems/").Last() ?? "-";
        }
        catch (JsonException)
        {
        }
        return text.Length == 0 ? "(empty body)" : "(not a problem)";
    }

    private static string Report(List<Mismatch> mismatches)
    {
        var text = new StringBuilder($"{mismatches.Count} authorization mismatches (row, principal: expected, got, problem type):\n");
        foreach (var group in mismatches.GroupBy(m => m.Row))
        {
            text.AppendLine(group.Key);
            foreach (var m in group) text.AppendLine($"    {m.Principal,-12} expected {m.Expected,-8} got {m.Got,-10} {m.Problem}");
        }
        return text.ToString();
    }
}
