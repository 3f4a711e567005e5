using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Ownership.Proposing;

public sealed record ShareRequest([property: Required] string? UserId, [property: Required] decimal? Percent);

public sealed record OwnershipRequest([property: Required] List<ShareRequest>? Shares);

public sealed record ProposeOwnership(Guid IdeaId, Guid ProposalId, IReadOnlyList<OwnershipShare> Shares, string By);

public sealed record OwnershipResponse(Guid IdeaId, Guid? ProposalId, IReadOnlyList<OwnershipShare> Shares, string Basis, bool Confirmed, IReadOnlyList<string> AwaitingConfirmation);

public static class ProposeOwnershipHandler
{
    public static ProposeOwnership ToCommand(OwnershipRequest? request, Guid ideaId, string by)
    {
        var shares = request?.Shares ?? [];
        var v = new Validation()
            .Require(shares.Count is > 0 and <= 50, "shares", "'shares' lists 1 to 50 contributors with their percent.")
            .Require(shares.All(s => s?.UserId is { Length: > 0 and <= 64 }), "shares", "Each share needs a 'userId'.")
            .Require(shares.Select(s => s?.UserId).Distinct().Count() == shares.Count, "shares", "Each contributor appears once.")
            .Require(shares.All(s => s?.Percent is > 0 and <= 100 && decimal.Round(s.Percent.Value, 2) == s.Percent.Value), "shares",
                "Each 'percent' is above 0, at most 100, with at most two decimals.");
        v.ThrowIfInvalid();
        var sum = shares.Sum(s => s.Percent!.Value);
        new Validation().Require(sum == 100m, "shares", $"The percents must add up to exactly 100 (they add up to {sum}).").ThrowIfInvalid();
        return new ProposeOwnership(ideaId, Guid.CreateVersion7(), shares.Select(s => new OwnershipShare(s.UserId!, s.Percent!.Value)).ToList(), by);
    }

    /// <summary>An author proposes a split among the idea's contributors; the proposer's own confirmation comes with it when listed.</summary>
    public static IReadOnlyList<object> Decide(Provenance provenance, ProposeOwnership command, DateTimeOffset now)
    {
        if (!provenance.CurrentAuthors.Contains(command.By))
            throw new Forbidden("not-an-author", "Only the idea's authors and co-authors who accepted may propose its ownership split.");
        if (command.Shares.FirstOrDefault(s => !provenance.Contributors.Contains(s.UserId)) is { } stranger)
            throw new RuleViolated("not-a-contributor", $"'{stranger.UserId}' has not contributed to idea {provenance.IdeaId}; shares go to contributors only.");
        var proposed = new OwnershipProposed(provenance.Id, provenance.IdeaId, provenance.CampaignId, command.ProposalId, command.Shares, command.By, now);
        if (command.Shares.All(s => s.UserId != command.By)) return [proposed];
        var confirmed = new OwnershipConfirmed(provenance.Id, provenance.IdeaId, provenance.CampaignId, command.ProposalId, command.By, now);
        // Listing nobody but the proposer needs no one else's confirmation.
        return command.Shares.Count == 1
            ? [proposed, confirmed, new OwnershipSettled(provenance.Id, provenance.IdeaId, provenance.CampaignId, command.ProposalId, command.Shares, now)]
            : [proposed, confirmed];
    }

    public static async Task<(OwnershipResponse, OutgoingMessages)> Handle(ProposeOwnership command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Provenance>(Provenance.StreamIdFor(command.IdeaId), token);
        var provenance = stream.Aggregate ?? throw new NotFound("idea", command.IdeaId);
        if (!provenance.Public && !provenance.Contributors.Contains(command.By)) throw new NotFound("idea", command.IdeaId);
        var events = Decide(provenance, command, clock.GetUtcNow());
        stream.AppendMany(events);
        var after = events.Aggregate(provenance, (p, e) => e switch
        {
            OwnershipProposed x => p.Apply(x), OwnershipConfirmed x => p.Apply(x), OwnershipSettled x => p.Apply(x), _ => p
        });
        OutgoingMessages outgoing = [];
        if (events.OfType<OwnershipSettled>().SingleOrDefault() is { } settled)
            outgoing.Add(new OwnershipSharesChangedIntegrationEvent(after.IdeaId, after.CampaignId, settled.Shares, OwnershipBases.Confirmed,
                (stream.StartingVersion ?? 0) + events.Count, settled.SettledAt));
        return (OwnershipView.Of(after), outgoing);
    }
}

public static class OwnershipView
{
    public static OwnershipResponse Of(Provenance p) => p.Pending is { } pending
        ? new(p.IdeaId, pending.ProposalId, p.SharesInForce, p.Basis, p.Settled is not null,
            pending.Shares.Select(s => s.UserId).Except(pending.ConfirmedBy).ToList())
        : new(p.IdeaId, p.Settled?.ProposalId, p.SharesInForce, p.Basis, p.Settled is not null, []);
}
