using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Privacy;

namespace CoCreation.Ideation.Ideas.Merging;

/// <summary>
/// On the duplicate's stream: it became Merged into <see cref="Into"/>. <see cref="OfferedCoAuthorship"/> are its authors
/// invited to co-author the target by this merge (the ones not already its authors or invitees, within the authors' cap).
/// </summary>
public sealed record IdeaMerged(
    Guid IdeaId, Guid CampaignId, Guid MergeId, Guid Into, IdeaStatus StatusBefore, IReadOnlyList<string> OfferedCoAuthorship,
    [NotMemberWritten("the moderator's or brand's merge note, written by staff in their role, not a member's personal words")] string? Note,
    string MergedBy, DateTimeOffset MergedAt) : ICampaignScoped;

/// <summary>On the target's stream: idea <see cref="From"/> was merged into it.</summary>
public sealed record IdeaMergeReceived(
    Guid IdeaId, Guid CampaignId, Guid MergeId, Guid From, string MergedBy, DateTimeOffset MergedAt) : ICampaignScoped;

/// <summary>On the duplicate's stream: the merge was undone; the idea is back in <see cref="RestoredStatus"/>.</summary>
public sealed record IdeaUnmerged(
    Guid IdeaId, Guid CampaignId, Guid MergeId, Guid From, IdeaStatus RestoredStatus,
    [NotMemberWritten("the moderator's or brand's unmerge note, written by staff in their role, not a member's personal words")] string? Note,
    string UnmergedBy, DateTimeOffset UnmergedAt) : ICampaignScoped;

/// <summary>On the target's stream: the merge of <see cref="From"/> into it was undone.</summary>
public sealed record IdeaMergeUndone(
    Guid IdeaId, Guid CampaignId, Guid MergeId, Guid From, string UnmergedBy, DateTimeOffset UnmergedAt) : ICampaignScoped;

/// <summary>An invitation to co-author that no longer stands (the merge that offered it was undone); an accepted one is not touched.</summary>
public sealed record CoAuthorInvitationWithdrawn(Guid IdeaId, Guid CampaignId, string Invitee,
    [NotMemberWritten("set by the platform (a code naming the undone merge), not written by a member")] string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt) : ICampaignScoped;
