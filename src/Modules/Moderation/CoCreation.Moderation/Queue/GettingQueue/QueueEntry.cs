using Marten.Events.Aggregation;

namespace CoCreation.Moderation.Queue.GettingQueue;

/// <summary>
/// A line of the moderator's queue; decided items keep their row with their status. WaitingSince orders the
/// queue (oldest first): the time it was queued, or appealed.
/// </summary>
public sealed record QueueEntry(
    Guid Id, Guid CampaignId, string SubjectType, Guid SubjectId, int Revision, string Reason, string Author,
    IReadOnlyList<ScreeningFinding> Screening, ModerationItemStatus Status, DateTimeOffset CreatedAt, DateTimeOffset WaitingSince,
    bool Appeal, string? AppealStatement, bool Final, IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null);

public sealed class QueueEntryProjection : SingleStreamProjection<QueueEntry, Guid>
{
    public static QueueEntry Create(ModerationItemQueued e) =>
        new(e.ItemId, e.CampaignId, e.SubjectType, e.SubjectId, e.Revision, e.Reason, e.Author, e.Screening, ModerationItemStatus.Pending,
            e.QueuedAt, e.QueuedAt, false, null, false, e.Attachments ?? []);

    public static QueueEntry Apply(ModerationItemDecided e, QueueEntry entry) => entry with { Status = e.ResultingStatus, Final = e.Final };

    public static QueueEntry Apply(ModerationItemSuperseded _, QueueEntry entry) => entry with { Status = ModerationItemStatus.Superseded, Final = true };

    public static QueueEntry Apply(ModerationItemAppealed e, QueueEntry entry) =>
        entry with { Status = ModerationItemStatus.Pending, Appeal = true, AppealStatement = e.Statement, WaitingSince = e.AppealedAt };
}

/// <summary>A pending item as the moderator's queue shows it, with the subject's title (ideas) and an excerpt, so no second call is needed.</summary>
public sealed record QueueItem(
    Guid Id, string SubjectType, Guid SubjectId, int Revision, Guid CampaignId, string? Title, string Excerpt, string Reason, string Author,
    int Flags, IReadOnlyList<ScreeningFinding> Screening, DateTimeOffset CreatedAt, DateTimeOffset WaitingSince, bool Appeal, string? AppealStatement,
    IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null);
