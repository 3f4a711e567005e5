using CoCreation.Audit.Transparency.Signing;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Npgsql;

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
        routes.MapGet("/api/receipts/{id:guid}", async (Guid id, HttpContext http, NpgsqlDataSource db, IDocumentStore store, MerkleStore tree,
                CancellationToken token) =>
            {
                // Not registered when the chain is off: then no event is in a signed checkpoint.
                var checkpoints = http.RequestServices.GetService<CheckpointLog>() ?? throw new NotSignedYet(id);
                var settings = http.RequestServices.GetService<TransparencySettings>() ?? throw new NotSignedYet(id);
                var viewer = Viewer.Of(http);
                if (viewer.IsAnonymous) return Results.Unauthorized();
                await using var command = db.CreateCommand($"select {AuditStore.EventColumns}, e.headers ->> $2 as actor from {AuditStore.EventsTable(store)} e where e.id = $1");
                command.Parameters.Add(new() { Value = id });
                command.Parameters.Add(new() { Value = EventHeaders.Actor });
                ChainedEvent e;
                await using (var reader = await command.ExecuteReaderAsync(token))
                {
                    if (!await reader.ReadAsync(token)) throw new NotFound("receipt", id);
                    var actor = reader.IsDBNull(reader.GetOrdinal("actor")) ? null : reader.GetString(reader.GetOrdinal("actor"));
                    if (!(viewer.Id is { } me && me == actor) && !viewer.Is(Roles.Legal) && !viewer.Is(Roles.Admin)) throw new NotFound("receipt", id);
                    e = AuditStore.Read(reader);
                }
                var leaf = await tree.LeafOf(e.Sequence, token) ?? throw new NotSignedYet(id);
                var signed = await checkpoints.Latest(token);
                if (signed is null || signed.TreeSize <= leaf.LeafIndex) throw new NotSignedYet(id);
                var path = await tree.Compute(stored => MerkleTree.InclusionProof(stored, leaf.LeafIndex, signed.TreeSize), token);
                // The leaf as the tree holds it: the row's bytes now, unless they changed since (an erasure masks it):
                // then the receipt still proves the stored leaf hash, and says the content is no longer the row's.
                var bytes = EventChain.CanonicalBytes(e);
                if (!MerkleTree.LeafHash(bytes).AsSpan().SequenceEqual(leaf.LeafHash))
                    throw new RuleViolated("receipt-content-changed",
                        $"The event {id} no longer holds the content its leaf was made of (erased, or changed: see GET /api/audit/verify).");
                return Results.Ok(new Receipt(Receipt.CurrentFormat, id, e.Sequence, leaf.LeafIndex, Convert.ToBase64String(bytes),
                    Convert.ToHexStringLower(leaf.LeafHash), signed.TreeSize, path.Select(Convert.ToHexStringLower).ToList(), signed.Note,
                    settings.Signer.VerifierKey));
            })
            .WithTags("Audit")
            .RequireAuthorization()
            .Produces<Receipt>()
            .WithSummary("The receipt of a vote or a contribution: its event, leaf, signed checkpoint and inclusion proof, to check offline");
    }
}
