using CoCreation.Audit.Transparency.Witnessing;
using CoCreation.Audit.Transparency.Signing;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Npgsql;

namespace CoCreation.Audit.Transparency;

/// <summary>One signed tree head in GET /api/audit/checkpoints; rootHash in lowercase hex.</summary>
public sealed record CheckpointEntry(long TreeSize, string RootHash, string Note, DateTimeOffset SignedAt);

/// <summary>The audit path of an event's leaf in the tree of the given size (RFC 9162 §2.1.3), nearest the leaf first.</summary>
public sealed record InclusionProofResponse(long Seq, long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> Path);

/// <summary>The proof that the tree of size To extends the tree of size From (RFC 9162 §2.1.4).</summary>
public sealed record ConsistencyProofResponse(long From, long To, IReadOnlyList<string> Path);

/// <summary>404: the event is in the log but the chain has not put it into the tree yet.</summary>
public sealed class NotInTreeYet(long seq)
    : DomainProblem(404, "not-in-tree", "Not in the tree yet", $"Event {seq} is in the log but not yet in its Merkle tree; ask again in a few seconds.");

/// <summary>
/// The log's transparency (docs/adr/0024): signed checkpoints, the verifier key, inclusion and consistency proofs.
/// Checkpoints, the key and consistency proofs are public (hashes of the whole log only). An inclusion proof names
/// one event: public when the event belongs to a campaign that is not a draft (its campaign header), otherwise for
/// legal and admin only.
/// </summary>
public static class TransparencyEndpoints
{
    private const string PlainText = "text/plain; charset=utf-8";

    public static void MapTransparency(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit/checkpoint", async (HttpContext http, CancellationToken token) =>
                await Log(http).Latest(token) is { } latest ? Results.Text(latest.Note, PlainText) : throw new NotFound("checkpoint", "latest"))
            .WithTags("Audit").AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithSummary("The latest signed checkpoint (C2SP tlog-checkpoint, signed note)");
        routes.MapGet("/api/audit/checkpoints", async (long? from, int? limit, HttpContext http, CancellationToken token) =>
            {
                new Validation()
                    .Require(from is null or >= 0, "from", "'from' is a tree size from 0.")
                    .Require(limit is null or (>= 1 and <= 1000), "limit", "'limit' is between 1 and 1000.")
                    .ThrowIfInvalid();
                var page = await Log(http).From(from ?? 0, limit ?? 100, token);
                return page.Select(c => new CheckpointEntry(c.TreeSize, Convert.ToHexStringLower(c.RootHash), c.Note, c.SignedAt)).ToList();
            })
            .WithTags("Audit").AllowAnonymous()
            .WithSummary("The signed checkpoints from a tree size on, smallest first, a page at a time");
        routes.MapGet("/api/audit/public-key", (HttpContext http) => Results.Text(Settings(http).Signer.VerifierKey, PlainText))
            .WithTags("Audit").AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithSummary("The verifier key of the checkpoints' signatures (C2SP signed note)");
        routes.MapGet("/api/audit/proofs/inclusion", async (long? seq, long? treeSize, HttpContext http, MerkleStore tree, NpgsqlDataSource db,
                IDocumentStore store, ICampaignOwnership campaigns, CancellationToken token) =>
            {
                new Validation()
                    .Require(seq is >= 1, "seq", "'seq' is an event's sequence number, from 1.")
                    .Require(treeSize is >= 1, "treeSize", "'treeSize' is the size of a signed tree, from 1.")
                    .ThrowIfInvalid();
                if (await MayProve(Viewer.Of(http), seq!.Value, db, store, campaigns, token) is { } refused) return refused;
                var leaf = await tree.LeafOf(seq.Value, token) ?? throw new NotInTreeYet(seq.Value);
                var size = (await tree.Tail(token)).Size;
                new Validation()
                    .Require(treeSize <= size, "treeSize", $"The tree holds {size} leaves; 'treeSize' is at most that.")
                    .ThrowIfInvalid();
                new Validation()
                    .Require(leaf.LeafIndex < treeSize, "seq", $"Event {seq} is leaf {leaf.LeafIndex}, not in the tree of size {treeSize}.")
                    .ThrowIfInvalid();
                var path = await tree.Compute(stored => MerkleTree.InclusionProof(stored, leaf.LeafIndex, treeSize!.Value), token);
                return Results.Ok(new InclusionProofResponse(seq.Value, leaf.LeafIndex, treeSize!.Value, Convert.ToHexStringLower(leaf.LeafHash), Hex(path)));
            })
            .WithTags("Audit").AllowAnonymous()
            .Produces<InclusionProofResponse>()
            .WithSummary("Prove an event is in the tree of a size (public for a public campaign's events, else legal or admin)");
        routes.MapGet("/api/audit/proofs/consistency", async (long? from, long? to, MerkleStore tree, CancellationToken token) =>
            {
                new Validation()
                    .Require(from is >= 0, "from", "'from' is a tree size from 0.")
                    .Require(to is >= 0, "to", "'to' is a tree size from 0.")
                    .ThrowIfInvalid();
                var size = (await tree.Tail(token)).Size;
                new Validation()
                    .Require(from <= to, "from", "'from' is at most 'to'.")
                    .Require(to <= size, "to", $"The tree holds {size} leaves; 'to' is at most that.")
                    .ThrowIfInvalid();
                var path = await tree.Compute(stored => MerkleTree.ConsistencyProof(stored, from!.Value, to!.Value), token);
                return new ConsistencyProofResponse(from!.Value, to!.Value, Hex(path));
            })
            .WithTags("Audit").AllowAnonymous()
            .WithSummary("Prove the tree of one size extends the tree of a smaller one");
        routes.MapWitnessing();
    }

    /// <summary>Null when the viewer may have the event's proof; otherwise the refusal (401, 403), or 404 for an unknown event.</summary>
    private static async Task<IResult?> MayProve(Viewer viewer, long seq, NpgsqlDataSource db, IDocumentStore store, ICampaignOwnership campaigns,
        CancellationToken token)
    {
        await using var command = db.CreateCommand($"select headers ->> $2 from {AuditStore.EventsTable(store)} where seq_id = $1");
        command.Parameters.Add(new() { Value = seq });
        command.Parameters.Add(new() { Value = EventHeaders.CampaignId });
        await using var reader = await command.ExecuteReaderAsync(token);
        if (!await reader.ReadAsync(token)) throw new NotFound("event", seq);
        var campaign = reader.IsDBNull(0) ? null : reader.GetString(0);
        if (Guid.TryParse(campaign, out var campaignId) && !await campaigns.IsDraft(campaignId, token)) return null;
        if (viewer.IsAnonymous) return Results.Unauthorized();
        if (viewer.Is(Roles.Legal) || viewer.Is(Roles.Admin)) return null;
        throw new Forbidden("not-public-event", $"Event {seq} is not a public campaign's; its proof is for legal and admin.");
    }

    private static List<string> Hex(IEnumerable<byte[]> hashes) => hashes.Select(Convert.ToHexStringLower).ToList();

    private static CheckpointLog Log(HttpContext http) =>
        http.RequestServices.GetService<CheckpointLog>() ?? throw new NotFound("checkpoint", "latest");

    private static TransparencySettings Settings(HttpContext http) =>
        http.RequestServices.GetService<TransparencySettings>() ?? throw new NotFound("checkpoint key", "current");
}
