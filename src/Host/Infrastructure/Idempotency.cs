using System.Security.Cryptography;
using System.Text;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.Host.Infrastructure;

/// <summary>A POST made with an Idempotency-Key: reserved before it runs, completed with its response.</summary>
public sealed class IdempotentRequest
{
    public string Id { get; set; } = "";
    public string BodyHash { get; set; } = "";
    public bool Completed { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset ReservedAt { get; set; }
}

/// <summary>
/// Every POST accepts an Idempotency-Key: the same caller, route, key and body replays the first response
/// and runs nothing again; the same key with another body is refused. A reservation is taken before the
/// request runs, so two concurrent retries cannot both run it; a request that is refused (4xx) or fails releases it. The response is stored after the command has
/// committed; if the process dies in between, the reservation expires and a retry runs the request again.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0 || !http.Request.Path.StartsWithSegments("/api"))
        {
            await next();
            return;
        }
        if (key.Length > 255)
        {
            await WriteProblem(http, 400, "invalid-idempotency-key", "The Idempotency-Key header must be at most 255 characters.");
            return;
        }

        http.Request.EnableBuffering();
        string bodyHash;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
            bodyHash = Convert.ToHexStringLower(sha.GetHashAndReset());
            http.Request.Body.Position = 0;
        }

        var actor = RequestContext.ActorOf(http.User);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{actor}\n{http.Request.Path}\n{key}")));
        var store = http.RequestServices.GetRequiredService<IDocumentStore>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();

        if (!await Reserve(store, id, bodyHash, clock.GetUtcNow(), http.RequestAborted))
        {
            await using var query = store.QuerySession();
            var existing = await query.LoadAsync<IdempotentRequest>(id, http.RequestAborted);
            if (existing is null || (!existing.Completed && clock.GetUtcNow() - existing.ReservedAt > AbandonedAfter))
            {
                await Release(store, id);
                if (!await Reserve(store, id, bodyHash, clock.GetUtcNow(), http.RequestAborted))
                {
                    await WriteProblem(http, 409, "idempotent-request-in-progress", "A request with this Idempotency-Key is being processed; retry shortly.");
                    return;
                }
            }
            else if (existing.BodyHash != bodyHash)
            {
                await WriteProblem(http, 422, "idempotency-key-reused", "This Idempotency-Key was used with a different request body.");
                return;
            }
            else if (!existing.Completed)
            {
                await WriteProblem(http, 409, "idempotent-request-in-progress", "A request with this Idempotency-Key is being processed; retry shortly.");
                return;
            }
            else
            {
                await Replay(http, existing);
                return;
            }
        }

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next();
        }
        catch
        {
            // A refusal thrown by the handler (turned into a problem further out) wrote nothing: free the key for the retry.
            http.Response.Body = original;
            await Release(store, id);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
        captured.Position = 0;
        var body = Encoding.UTF8.GetString(captured.ToArray());
        // A refused or failed request wrote nothing: its key is free again, so the corrected request can use it.
        if (http.Response.StatusCode >= 400) await Release(store, id);
        else await Complete(store, id, bodyHash, http, body, clock.GetUtcNow());
        captured.Position = 0;
        await captured.CopyToAsync(original);
    });

    private static async Task<bool> Reserve(IDocumentStore store, string id, string bodyHash, DateTimeOffset now, CancellationToken token)
    {
        await using var session = store.LightweightSession();
        session.Insert(new IdempotentRequest { Id = id, BodyHash = bodyHash, ReservedAt = now });
        try
        {
            await session.SaveChangesAsync(token);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static async Task Release(IDocumentStore store, string id)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotentRequest>(id);
        await session.SaveChangesAsync();
    }

    private static async Task Complete(IDocumentStore store, string id, string bodyHash, HttpContext http, string body, DateTimeOffset now)
    {
        await using var session = store.LightweightSession();
        session.Store(new IdempotentRequest
        {
            Id = id, BodyHash = bodyHash, Completed = true, Status = http.Response.StatusCode, ContentType = http.Response.ContentType,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, Body = body, ReservedAt = now
        });
        await session.SaveChangesAsync();
    }

    private static async Task Replay(HttpContext http, IdempotentRequest stored)
    {
        http.Response.StatusCode = stored.Status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
        if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Body)) await http.Response.WriteAsync(stored.Body);
    }

    private static async Task WriteProblem(HttpContext http, int status, string rule, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Type = ProblemTypes.For(rule), Title = "Idempotency-Key refused", Detail = detail }
        });
    }
}
