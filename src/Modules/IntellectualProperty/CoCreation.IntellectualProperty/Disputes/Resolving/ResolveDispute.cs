using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Disputes.Opening;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.IntellectualProperty.Disputes.Resolving;

public sealed record ResolutionRequest([property: Required] string? Outcome, string? Note);

public sealed record ResolveDispute(Guid DisputeId, DisputeStatus Outcome, string? Note, string By);

public static class ResolveDisputeHandler
{
    public static ResolveDispute ToCommand(ResolutionRequest? request, Guid disputeId, string by)
    {
        // Read like every other enum of the API: case-insensitively.
        var outcome = request?.Outcome switch
        {
            { } o when o.Equals(DisputeOutcomes.Upheld, StringComparison.OrdinalIgnoreCase) => DisputeStatus.Upheld,
            { } o when o.Equals(DisputeOutcomes.Dismissed, StringComparison.OrdinalIgnoreCase) => DisputeStatus.Dismissed,
            _ => (DisputeStatus?)null
        };
        new Validation()
            .Require(outcome is not null, "outcome", request?.Outcome is null
                ? "'outcome' is required: Upheld or Dismissed."
                : $"'outcome' must be Upheld or Dismissed; '{(request.Outcome.Length > 20 ? request.Outcome[..20] + "…" : request.Outcome)}' is neither.")
            .Require(request?.Note is null || request.Note.Length <= 5_000, "note", "'note' must be at most 5000 characters.")
            .ThrowIfInvalid();
        return new ResolveDispute(disputeId, outcome!.Value, request!.Note?.Trim(), by);
    }

    public static DisputeResolved Decide(Dispute dispute, ResolveDispute command, DateTimeOffset now) =>
        dispute.ClaimedBy == command.By
            ? throw new Forbidden("own-dispute", "Nobody resolves a dispute they opened; another member of legal must resolve it.")
            : dispute.Status != DisputeStatus.Open
            ? throw new RuleViolated("dispute-resolved", $"Dispute {dispute.Id} was already resolved ({dispute.Status}).")
            : new DisputeResolved(dispute.Id, dispute.IdeaId, dispute.CampaignId, command.Outcome, command.Note, command.By, now);

    /// <summary>
    /// Wolverine's aggregate handler workflow fetches the dispute's stream for writing (by <c>DisputeId</c>), appends the
    /// returned events and commits them with the outgoing messages; a missing dispute is the module's own 404.
    /// </summary>
    public static async Task<(DisputeResponse, Events, OutgoingMessages)> Handle(ResolveDispute command,
        [WriteAggregate(Required = false)] Dispute? dispute, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        if (dispute is null) throw new NotFound("dispute", command.DisputeId);
        // Nor one about an idea they contributed to.
        if ((await session.LoadAsync<Contributions.Provenance>(Contributions.Provenance.StreamIdFor(dispute.IdeaId), token))?.Contributors.Contains(command.By) == true)
            throw new Forbidden("own-idea", "Legal members do not resolve disputes about an idea they contributed to; another member of legal must.");
        var resolved = Decide(dispute, command, clock.GetUtcNow());
        return (new DisputeResponse(dispute.Id, dispute.IdeaId, resolved.Outcome), [resolved],
            [new DisputeResolvedIntegrationEvent(dispute.Id, dispute.IdeaId, resolved.Outcome.ToString(), resolved.Note, resolved.ResolvedBy, resolved.ResolvedAt)]);
    }
}
