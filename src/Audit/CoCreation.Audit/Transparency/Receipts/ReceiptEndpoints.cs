using CoCreation.Audit.Transparency.Signing;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Audit.Transparency.Receipts;

/// <summary>404 until the latest signed checkpoint covers the event (the chain's lag, then the signing cadence).</summary>
public sealed class NotSignedYet(Guid id)
    : DomainProblem(404, "not-in-checkpoint-yet", "Not in a signed checkpoint yet",
        $"The event {id} is recorded but no signed checkpoint covers it yet; ask again in a few seconds.");

/// <summary>
/// GET /api/receipts/{id}: the receipt of a receipted event (a vote's id, a contribution's id, <c>IHasReceipt</c>).
/// A receipt names its event's content (the leaf), so it is for the event's actor, legal and admin; anyone else is
/// told the receipt does not exist, as for an unknown id.
/// </summary>
public static class ReceiptEndpoints
{
    public static void MapReceipts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/receipts/{id:guid}", async (Guid id, HttpContext http, CancellationToken token) =>
                await ReceiptOf(id, http, token) is { } receipt ? Results.Ok(receipt) : Results.Unauthorized())
            .WithTags("Audit")
            .RequireAuthorization()
            .Produces<Receipt>()
            .WithSummary("The receipt of a vote or a contribution: its event, leaf, signed checkpoint and inclusion proof, to check offline");
        // The pages' link (the member's vote card, their votes, the provenance page): the same receipt and rules for the
        // browser's cookie, since /api takes bearer tokens only; shown inline, saved as receipt-{id}.json.
        routes.MapGet(CoCreation.BuildingBlocks.Audit.ReceiptLinks.PagePattern, async (Guid id, HttpContext http, CancellationToken token) =>
            {
                if (await ReceiptOf(id, http, token) is not { } receipt) return Results.Unauthorized();
                http.Response.Headers.ContentDisposition = $"inline; filename=\"receipt-{id}.json\"";
                return Results.Json(receipt, ReceiptIssuer.Json);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
    }

    /// <summary>The receipt for the viewer, or null for an anonymous one; 404 when it is not theirs to see.</summary>
    private static async Task<Receipt?> ReceiptOf(Guid id, HttpContext http, CancellationToken token)
    {
        // Not registered when the log signs no checkpoint: then no event is in a signed checkpoint.
        var issuer = http.RequestServices.GetService<ReceiptIssuer>() ?? throw new NotSignedYet(id);
        var viewer = Viewer.Of(http);
        if (viewer.IsAnonymous) return null;
        var (e, actor) = await issuer.EventOf(id, token) ?? throw new NotFound("receipt", id);
        if (!CoCreation.BuildingBlocks.Audit.ReceiptLinks.MaySee(viewer, actor)) throw new NotFound("receipt", id);
        var (receipt, missing) = await issuer.Issue(e, await issuer.LatestCheckpoint(token), token);
        return missing switch
        {
            NoReceipt.ContentChanged => throw new RuleViolated("receipt-content-changed",
                $"The event {id} no longer holds the content its leaf was made of (erased, or changed: see GET /api/audit/verify)."),
            NoReceipt.NotSignedYet => throw new NotSignedYet(id),
            _ => receipt
        };
    }
}
