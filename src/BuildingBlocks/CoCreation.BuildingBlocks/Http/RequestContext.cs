using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CoCreation.BuildingBlocks.Http;

/// <summary>Who is asking, and the ids that tie what they cause together.</summary>
public sealed record RequestContext(string Actor, string CorrelationId, string RequestId)
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string RequestIdHeader = "X-Request-Id";
    private static readonly object Key = new();

    public static RequestContext Of(HttpContext http) =>
        http.Items.TryGetValue(Key, out var value) && value is RequestContext context
            ? context with { Actor = ActorOf(http.User) }
            : new RequestContext(ActorOf(http.User), Guid.CreateVersion7().ToString(), Guid.CreateVersion7().ToString());

    public static void Attach(HttpContext http, RequestContext context) => http.Items[Key] = context;

    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
}
