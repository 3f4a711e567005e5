using Marten.Events.Aggregation;

namespace CoCreation.Moderation.Queue.GettingQueue;

/// <summary>A line of the moderator's queue; decided items keep their row with their status.</summary>
public sealed record QueueEntry(
    Guid Id, Guid CampaignId, string SubjectType, Guid SubjectId, int Revision, string Reason, int Flags,
    IReadOnlyList<ScreeningFinding> Screening, ModerationItemStatus Status, DateTimeOffset CreatedAt);

public sealed class QueueEntryProjection : SingleStreamProjection<QueueEntry, Guid>
{
    public static QueueEntry Create(ModerationItemQueued e) =>
        new(e.ItemId, e.CampaignId, e.SubjectType, e.SubjectId, e.Revision, e.Reason, 0, e.Screening, ModerationItemStatus.Pending, e.QueuedAt);

    public static QueueEntry Apply(ModerationItemDecided e, QueueEntry entry) =>
        entry with { Status = new ModerationItem(entry.Id, entry.CampaignId, entry.SubjectType, entry.SubjectId, entry.Revision, entry.Status).Apply(e).Status };
}
