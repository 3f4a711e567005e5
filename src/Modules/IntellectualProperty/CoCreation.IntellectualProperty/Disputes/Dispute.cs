using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Metadata;

namespace CoCreation.IntellectualProperty.Disputes;

public enum DisputeStatus { Open, Upheld, Dismissed }

/// <summary>A claim of prior art or infringement against an idea, with the claimant's evidence.</summary>
public sealed record DisputeOpened(Guid DisputeId, Guid IdeaId, Guid CampaignId, string Claim, string Evidence, string ClaimedBy, DateTimeOffset OpenedAt) : ICampaignScoped;

public sealed record DisputeResolved(Guid DisputeId, Guid IdeaId, Guid CampaignId, DisputeStatus Outcome, [NotMemberWritten("legal's resolution note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string? Note, string ResolvedBy, DateTimeOffset ResolvedAt) : ICampaignScoped;

public sealed record Dispute(
    Guid Id, Guid IdeaId, Guid CampaignId, string Claim, string Evidence, string ClaimedBy, DateTimeOffset OpenedAt,
    DisputeStatus Status, string? Note, string? ResolvedBy, DateTimeOffset? ResolvedAt)
{
    public static Dispute Create(DisputeOpened e) =>
        new(e.DisputeId, e.IdeaId, e.CampaignId, e.Claim, e.Evidence, e.ClaimedBy, e.OpenedAt, DisputeStatus.Open, null, null, null);

    public Dispute Apply(DisputeResolved e) => this with { Status = e.Outcome, Note = e.Note, ResolvedBy = e.ResolvedBy, ResolvedAt = e.ResolvedAt };
}
