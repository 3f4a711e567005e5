using CoCreation.Audit.Privacy.Erasing;
using CoCreation.Audit.Transparency;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Audit;

public sealed class AuditEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapErasurePage();
        routes.MapTransparency();
        Transparency.Receipts.ReceiptEndpoints.MapReceipts(routes);
        routes.MapGet("/api/campaigns/{id:guid}/history", async (Guid id, long? after, int? limit, HttpContext http, CampaignHistory history,
                ICampaignOwnership campaigns, CancellationToken token) =>
            {
                new Validation()
                    .Require(after is null or >= 0, "after", "'after' is a sequence number from 0.")
                    .Require(limit is null or (>= 1 and <= 1000), "limit", "'limit' is between 1 and 1000.")
                    .ThrowIfInvalid();
                await AuditAccess.EnsureMayAudit(Viewer.Of(http), campaigns, history, id, token);
                return await history.Page(id, after ?? 0, limit ?? 100, token);
            })
            .WithTags("Audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .WithSummary("Read a campaign's events in log order, a page at a time");
        routes.MapGet("/api/campaigns/{id:guid}/state", async (Guid id, string? at, HttpContext http, CampaignStateAt state, CampaignHistory history,
            ICampaignOwnership campaigns, TimeProvider clock, CancellationToken token) =>
            {
                DateTimeOffset instant = default;
                new Validation()
                    .Require(at is null || AuditInstant.TryParse(at, out instant), "at", "'at' is an ISO 8601 instant, e.g. 2027-03-01T12:00:00Z.")
                    .ThrowIfInvalid();
                await AuditAccess.EnsureMayAudit(Viewer.Of(http), campaigns, history, id, token);
                return await state.At(id, at is null ? clock.GetUtcNow() : instant, token);
            })
            .WithTags("Audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .WithSummary("Rebuild a campaign's state as it was at an instant");
        // A member's own data (GDPR Art. 15 and 20), under /api with a token and under /me for the browser's cookie.
        foreach (var path in new[] { "/api/members/me/data.zip", "/me/data.zip" })
        {
            var download = routes.MapGet(path, async (HttpContext http, Privacy.Downloading.MemberDataExport export, CancellationToken token) =>
                {
                    http.Response.Headers.CacheControl = "no-store";
                    return Results.File(await export.Zip(CoCreation.BuildingBlocks.Http.RequestContext.Of(http).Actor, token), "application/zip", "cocreation-my-data.zip");
                })
                .RequireAuthorization();
            if (path.StartsWith("/api", StringComparison.Ordinal))
                download.WithTags("Privacy").WithSummary("Download all my data (every event I caused or that names me) as a ZIP of JSON files")
                    .Produces<byte[]>(StatusCodes.Status200OK, "application/zip");
            else download.ExcludeFromDescription();
        }
        routes.MapDelete("/api/members/{userId}/personal-data", async (string userId, HttpContext http, Privacy.PersonalDataEraser eraser,
                CancellationToken token) =>
            {
                new Validation().Length(userId, "userId", 1, 64).ThrowIfInvalid();
                return await eraser.Erase(userId, CoCreation.BuildingBlocks.Http.RequestContext.Of(http).Actor, token);
            })
            .WithTags("Privacy")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Erase a member's personal data from the log (the audit still verifies)");
        routes.MapGet("/api/audit/verify", async (AuditStore store, CancellationToken token) =>
            {
                var result = await store.Verify(token);
                return new ChainVerified(result.EventsChecked, result.ChainHead, result.Valid, result.FirstBrokenSequence, result.Problem, result.HeadSequence,
                    result.Unchained, result.Lag);
            })
            .WithTags("Audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Legal, Roles.Admin))
            .WithSummary("Verify the hash chain over the whole event log");
    }
}

/// <summary>
/// The answer of GET /api/audit/verify: events checked up to the chain's head, and the first sequence that breaks it, if any
/// (events beyond the head are checked against their append seals); the chain's lag behind the appends.
/// </summary>
public sealed record ChainVerified(long Events, string? ChainHead, bool Valid, long? FirstBrokenSeq, string? Problem, long? HeadSeq, long Unchained, ChainLag? Lag);
