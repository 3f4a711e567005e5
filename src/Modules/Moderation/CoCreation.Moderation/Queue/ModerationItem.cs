using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.Moderation.Queue;

public enum ModerationDecision { Approve, Reject, Hide }

public enum ModerationItemStatus { Pending, Approved, Rejected, Hidden, Superseded }

/// <summary>One thing screening found. OriginalId names the earlier idea of a near-duplicate; Score its similarity.</summary>
public sealed record ScreeningFinding(string Kind, string Detail, Guid? OriginalId = null, double? Score = null);

/// <summary>Reason: new-idea, revised-idea, comment-screening or flagged. Attachments: the revision's files, for an idea.</summary>
public sealed record ModerationItemQueued(
    Guid ItemId, Guid CampaignId, string SubjectType, Guid SubjectId, int Revision, string Author,
    [NotMemberWritten("set by the platform (a code or a generated text), not written by a member")] string Reason, IReadOnlyList<ScreeningFinding> Screening, DateTimeOffset QueuedAt,
    IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null) : ICampaignScoped;

/// <summary>Final is true for the decision on an appeal: nothing can change it afterwards.</summary>
public sealed record ModerationItemDecided(
    Guid ItemId, Guid CampaignId, ModerationDecision Decision, string? ReasonCode, [NotMemberWritten("the moderator's note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string? Note,
    string DecidedBy, DateTimeOffset DecidedAt, Guid SubjectId = default, bool Final = false) : ICampaignScoped
{
    public ModerationItemStatus ResultingStatus => Decision switch
    {
        ModerationDecision.Approve => ModerationItemStatus.Approved,
        ModerationDecision.Reject => ModerationItemStatus.Rejected,
        _ => ModerationItemStatus.Hidden
    };
}

/// <summary>The author contested a rejection or hiding: the item is back in the queue, marked as an appeal.</summary>
public sealed record ModerationItemAppealed(
    Guid ItemId, Guid CampaignId, Guid SubjectId, string Statement, string AppealedBy, DateTimeOffset AppealedAt) : ICampaignScoped;

/// <summary>A newer revision of the idea was submitted while this item waited: the new item replaces it.</summary>
public sealed record ModerationItemSuperseded(Guid ItemId, Guid CampaignId, Guid SubjectId, int ByRevision, DateTimeOffset SupersededAt) : ICampaignScoped;

/// <summary>The queue item's write model.</summary>
public sealed record ModerationItem(
    Guid Id, Guid CampaignId, string SubjectType, Guid SubjectId, int Revision, ModerationItemStatus Status,
    string Author = "", bool Appealed = false, bool Final = false, DateTimeOffset QueuedAt = default)
{
    public const string ScreeningActor = "screening";

    public static Guid IdFor(Guid subjectId, string occasion) => StreamIds.Derive("moderation-item", $"{subjectId}/{occasion}");

    public static ModerationItem Create(ModerationItemQueued e) =>
        new(e.ItemId, e.CampaignId, e.SubjectType, e.SubjectId, e.Revision, ModerationItemStatus.Pending, e.Author, QueuedAt: e.QueuedAt);

    public ModerationItem Apply(ModerationItemDecided e) => this with { Status = e.ResultingStatus, Final = e.Final };

    public ModerationItem Apply(ModerationItemSuperseded _) => this with { Status = ModerationItemStatus.Superseded, Final = true };

    public ModerationItem Apply(ModerationItemAppealed e) => this with { Status = ModerationItemStatus.Pending, Appealed = true, QueuedAt = e.AppealedAt };
}
