using CoCreation.BuildingBlocks.Http;

namespace CoCreation.Host.Infrastructure;

/// <summary>
/// One correlation id per incoming request (the caller's X-Correlation-Id when it is well formed),
/// and one request id that becomes the causation id of what the request appends.
/// </summary>
public static class Correlation
{
    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var incoming = http.Request.Headers[RequestContext.CorrelationHeader].ToString();
        var correlationId = IsWellFormed(incoming) ? incoming : Guid.CreateVersion7().ToString();
        var context = new RequestContext("anonymous", correlationId, Guid.CreateVersion7().ToString());
        RequestContext.Attach(http, context);
        http.Response.Headers[RequestContext.CorrelationHeader] = context.CorrelationId;
        http.Response.Headers[RequestContext.RequestIdHeader] = context.RequestId;
        using (http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CoCreation.Http")
                   .BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId, ["RequestId"] = context.RequestId }))
        {
            await next();
        }
    });

    private static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
