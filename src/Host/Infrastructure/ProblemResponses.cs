using System.Text.Json;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.Host.Infrastructure;

/// <summary>Every error path answers RFC 9457 application/problem+json whose type ends with a rule name.</summary>
public static class ProblemResponses
{
    private static readonly Dictionary<int, string> RuleByStatus = new()
    {
        [400] = "bad-request", [401] = "unauthenticated", [403] = "forbidden", [404] = "not-found",
        [405] = "method-not-allowed", [409] = "conflict", [413] = "payload-too-large", [414] = "uri-too-long", [415] = "unsupported-media-type",
        [422] = "unprocessable", [431] = "headers-too-large", [500] = "unexpected-error"
    };

    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
                problem.Type = ProblemTypes.For(RuleByStatus.GetValueOrDefault(status, "error"));
            problem.Detail ??= status switch
            {
                401 => "A valid bearer token is required.",
                403 => "Your role does not allow this.",
                404 => "Nothing is found at this address.",
                _ => problem.Title
            };
            problem.Instance ??= ctx.HttpContext.Request.Path;
            var request = RequestContext.Of(ctx.HttpContext);
            problem.Extensions["correlationId"] = request.CorrelationId;
            problem.Extensions["requestId"] = request.RequestId;
        });
    }

    private sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken token)
        {
            var problem = ToProblem(Unwrap(exception));
            if (problem.Status == 500) logger.LogError(exception, "Unexpected error on {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }

        private static Exception Unwrap(Exception e) =>
            e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;

        private static ProblemDetails ToProblem(Exception exception) => exception switch
        {
            ValidationFailed v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
                { Status = 400, Type = ProblemTypes.For(v.Rule), Title = v.Title, Detail = v.Detail },
            DomainProblem p => new ProblemDetails { Status = p.Status, Type = ProblemTypes.For(p.Rule), Title = p.Title, Detail = p.Detail },
            BadHttpRequestException { InnerException: JsonException json } when JsonProblems.Explain(json) is { } explained =>
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { [explained.Field] = [explained.Message] })
                    { Status = 400, Type = ProblemTypes.For("validation"), Title = "One or more fields are invalid", Detail = explained.Message },
            BadHttpRequestException { InnerException: JsonException json } => new ProblemDetails
            {
                Status = 400, Type = ProblemTypes.For("malformed-json"), Title = "The request body is not valid JSON for this operation",
                Detail = json.Path is { Length: > 0 } path ? $"{FirstLine(json.Message)} (at {path})" : FirstLine(json.Message)
            },
            BadHttpRequestException bad when bad.StatusCode == 400 && JsonProblems.ExplainBinding(bad.Message) is { } binding =>
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { [binding.Field] = [binding.Message] })
                    { Status = 400, Type = ProblemTypes.For("validation"), Title = "One or more fields are invalid", Detail = binding.Message },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode, Type = ProblemTypes.For(RuleByStatus.GetValueOrDefault(bad.StatusCode, "bad-request")),
                Title = "The request could not be read", Detail = bad.StatusCode switch
                {
                    413 => $"Request bodies are accepted up to {InputGuard.MaxBodyBytes / 1024} KiB.",
                    415 => "Send the body as application/json.",
                    _ => FirstLine(bad.Message)
                }
            },
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => new ProblemDetails
            {
                Status = 400, Type = ProblemTypes.For("antiforgery"), Title = "The form could not be trusted",
                Detail = "The form's anti-forgery token is missing or does not match: reload the page and send it again."
            },
            InvalidDataException data => new ProblemDetails
            {
                Status = 400, Type = ProblemTypes.For("bad-request"), Title = "The request could not be read", Detail = FirstLine(data.Message)
            },
            ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException
                or JasperFx.Events.ExistingStreamIdCollisionException => new ProblemDetails
            {
                Status = 409, Type = ProblemTypes.For("concurrent-update"), Title = "Concurrent update",
                Detail = "Another request changed this resource at the same moment; nothing was written. Retry the request."
            },
            _ => new ProblemDetails
            {
                Status = 500, Type = ProblemTypes.For("unexpected-error"), Title = "Unexpected error",
                Detail = "The server failed to carry out the request; it has been logged with this response's correlation id."
            }
        };

        private static string FirstLine(string message) => message.Split('\n')[0].Trim();
    }
}
