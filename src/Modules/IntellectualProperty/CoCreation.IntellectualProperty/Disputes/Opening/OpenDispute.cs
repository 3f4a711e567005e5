using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Disputes.Opening;

public sealed record DisputeRequest([property: Required] string? Claim, [property: Required] string? Evidence);

public sealed record OpenDispute(Guid DisputeId, Guid IdeaId, string Claim, string Evidence, string By);

public sealed record DisputeResponse(Guid Id, Guid IdeaId, DisputeStatus Status);

public static class OpenDisputeHandler
{
    public static OpenDispute ToCommand(DisputeRequest? request, Guid ideaId, string by)
    {
        new Validation()
            .Length(request?.Claim, "claim", 1, 2_000)
            .Length(request?.Evidence, "evidence", 1, 10_000)
            .ThrowIfInvalid();
        return new OpenDispute(Guid.CreateVersion7(), ideaId, request!.Claim!.Trim(), request.Evidence!.Trim(), by);
    }

    /// <summary>Any participant may claim prior art or infringement, but not against an idea they contributed to.</summary>
    public static DisputeOpened Decide(Provenance provenance, OpenDispute command, DateTimeOffset now) =>
        provenance.Contributors.Contains(command.By)
            ? throw new RuleViolated("own-idea", "Contributors cannot dispute their own idea.")
            : new DisputeOpened(command.DisputeId, provenance.IdeaId, provenance.CampaignId, command.Claim, command.Evidence, command.By, now);

    public static async Task<(DisputeResponse, OutgoingMessages)> Handle(OpenDispute command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var provenance = await session.LoadAsync<Provenance>(Provenance.StreamIdFor(command.IdeaId), token) ?? throw new NotFound("idea", command.IdeaId);
        if (!provenance.Public && !provenance.Contributors.Contains(command.By)) throw new NotFound("idea", command.IdeaId);
        var opened = Decide(provenance, command, clock.GetUtcNow());
        session.Events.StartStream<Dispute>(opened.DisputeId, opened);
        return (new DisputeResponse(opened.DisputeId, opened.IdeaId, DisputeStatus.Open),
            [new DisputeOpenedIntegrationEvent(opened.DisputeId, opened.IdeaId, opened.ClaimedBy, opened.OpenedAt)]);
    }
}
