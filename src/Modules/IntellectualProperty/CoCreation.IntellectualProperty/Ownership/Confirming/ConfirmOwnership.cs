using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Ownership.Proposing;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Ownership.Confirming;

public sealed record ConfirmOwnership(Guid IdeaId, string By);

public static class ConfirmOwnershipHandler
{
    /// <summary>A listed contributor confirms the pending split; the last confirmation puts it in force.</summary>
    public static IReadOnlyList<object> Decide(Provenance provenance, ConfirmOwnership command, DateTimeOffset now)
    {
        var pending = provenance.Pending ?? throw new RuleViolated("no-pending-split", $"Idea {provenance.IdeaId} has no ownership split awaiting confirmation.");
        if (pending.Shares.All(s => s.UserId != command.By))
            throw new Forbidden("not-listed", $"'{command.By}' is not listed in the proposed split.");
        if (pending.ConfirmedBy.Contains(command.By))
            throw new RuleViolated("already-confirmed", $"'{command.By}' already confirmed this split.");
        var confirmed = new OwnershipConfirmed(provenance.Id, provenance.IdeaId, provenance.CampaignId, pending.ProposalId, command.By, now);
        var allConfirmed = pending.Shares.All(s => s.UserId == command.By || pending.ConfirmedBy.Contains(s.UserId));
        return allConfirmed
            ? [confirmed, new OwnershipSettled(provenance.Id, provenance.IdeaId, provenance.CampaignId, pending.ProposalId, pending.Shares, now)]
            : [confirmed];
    }

    public static async Task<(OwnershipResponse, OutgoingMessages)> Handle(ConfirmOwnership command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Provenance>(Provenance.StreamIdFor(command.IdeaId), token);
        var provenance = stream.Aggregate ?? throw new NotFound("idea", command.IdeaId);
        if (!provenance.Public && !provenance.Contributors.Contains(command.By)) throw new NotFound("idea", command.IdeaId);
        var events = Decide(provenance, command, clock.GetUtcNow());
        stream.AppendMany(events);
        var after = events.Aggregate(provenance, (p, e) => e switch { OwnershipConfirmed x => p.Apply(x), OwnershipSettled x => p.Apply(x), _ => p });
        OutgoingMessages outgoing = [];
        if (events.OfType<OwnershipSettled>().SingleOrDefault() is { } settled)
            outgoing.Add(new OwnershipSharesChangedIntegrationEvent(after.IdeaId, after.CampaignId, settled.Shares, OwnershipBases.Confirmed,
                (stream.StartingVersion ?? 0) + events.Count, settled.SettledAt));
        return (OwnershipView.Of(after), outgoing);
    }
}
