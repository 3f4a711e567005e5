using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCreation.Host.Infrastructure.OpenApi;

/// <summary>
/// Summaries for the endpoints whose builder chain has no call yet to append .WithSummary to (a change to those
/// handler lines would collide with the visibility work); move each onto its endpoint and delete it here.
/// An endpoint's own summary wins.
/// </summary>
public static partial class OperationSummaries
{
    public static readonly IReadOnlyDictionary<string, string> Pending = new Dictionary<string, string>
    {
        ["GET /api/campaigns"] = "List the campaigns, newest first",
        ["GET /api/campaigns/{id}"] = "Read a campaign",
        ["GET /api/ideas/{id}"] = "Read an idea",
        ["GET /api/ideas/{id}/timeline"] = "Read an idea's timeline",
        ["GET /api/ideas/{id}/comments"] = "List an idea's comments",
        ["GET /api/ideas/{id}/tally"] = "Read an idea's vote tally",
        ["GET /api/ideas/{id}/ownership"] = "Read an idea's ownership split",
        ["GET /api/ip/agreements/current"] = "Read the contribution agreement in force",
        ["POST /api/dev/tokens"] = "Issue a token (dev mode only)",
        ["POST /api/dev/clock/advance"] = "Move the application clock forward and run what falls due (dev mode only)"
    };

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (string.IsNullOrWhiteSpace(operation.Summary) && Pending.TryGetValue(KeyOf(context), out var summary))
            operation.Summary = summary;
        return Task.CompletedTask;
    }

    /// <summary>"GET /api/ideas/{id}": the method and the path as the document writes it (no constraints, no trailing slash).</summary>
    public static string KeyOf(OpenApiOperationTransformerContext context) =>
        $"{context.Description.HttpMethod} /{RouteConstraint().Replace(context.Description.RelativePath ?? "", "{$1}").TrimEnd('/')}";

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
