using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Bans;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.Moderation.Subjects;
using JasperFx.Events;
using Marten;

namespace CoCreation.Moderation.Log;

public sealed record LogEntry(long Sequence, DateTimeOffset At, string Action, string Actor, string Detail, Guid? ItemId);

/// <summary>
/// Everything Moderation did about one subject, read from the event log itself: screening, flags, decisions,
/// appeals, and the bans of its authors, in the global order of the events.
/// </summary>
public static class ModerationLog
{
    public static async Task<IReadOnlyList<LogEntry>> Of(IQuerySession session, Guid subjectId, CancellationToken token)
    {
        var subject = await session.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(subjectId), token)
                      ?? throw new NotFound("moderated idea or comment", subjectId);
        var itemIds = await session.Query<QueueEntry>().Where(e => e.SubjectId == subjectId).Select(e => e.Id).ToListAsync(token);
        var streams = itemIds.Append(subject.Id).Concat(subject.Authors.Select(MemberBan.StreamIdFor)).ToList();
        var events = new List<IEvent>();
        foreach (var stream in streams) events.AddRange(await session.Events.FetchStreamAsync(stream, token: token));
        return events.OrderBy(e => e.Sequence).Select(Entry).OfType<LogEntry>().ToList();
    }

    private static LogEntry? Entry(IEvent e)
    {
        var actor = e.Headers?.TryGetValue(EventHeaders.Actor, out var a) == true ? a?.ToString() ?? "" : e.UserName ?? "";
        return e.Data switch
        {
            SubjectRecorded r => new(e.Sequence, r.RecordedAt, "Recorded", actor, $"{r.SubjectType} revision {r.Revision}", null),
            SubjectRevised r => new(e.Sequence, r.RevisedAt, "Revised", actor, $"revision {r.Revision}", null),
            ModerationItemQueued q => new(e.Sequence, q.QueuedAt, q.Reason == "flagged" ? "Queued" : "Screened", actor,
                q.Screening.Count == 0 ? $"Queued ({q.Reason}); screening found nothing." : $"Queued ({q.Reason}); " + string.Join(" ", q.Screening.Select(f => $"[{f.Kind}] {f.Detail}")), q.ItemId),
            ModerationItemDecided d => new(e.Sequence, d.DecidedAt, "Decided", d.DecidedBy,
                $"{d.Decision}{(d.ReasonCode is null ? "" : $" ({d.ReasonCode})")}{(d.Final ? ", final" : "")}{(d.Note is null ? "" : $": {d.Note}")}", d.ItemId),
            ModerationItemAppealed ap => new(e.Sequence, ap.AppealedAt, "Appealed", ap.AppealedBy, ap.Statement, ap.ItemId),
            SubjectFlagged f => new(e.Sequence, f.FlaggedAt, "Flagged", f.FlaggedBy, f.Reason, null),
            SubjectHiddenByFlags h => new(e.Sequence, h.HiddenAt, "HiddenByFlags", "community", $"{h.Flags} flags", h.ItemId),
            MemberBanned b => new(e.Sequence, b.BannedAt, "AuthorBanned", b.BannedBy, $"{b.MemberId}: {b.Reason}", null),
            _ => null
        };
    }
}
