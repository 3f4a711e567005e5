using CoCreation.Moderation.Subjects;
using Marten;

namespace CoCreation.Moderation.Queue.GettingQueue;

/// <summary>The pending items, oldest first, each with its subject's title, excerpt and flags: what the API and the page both show.</summary>
public static class ModerationQueue
{
    public static async Task<IReadOnlyList<QueueItem>> Pending(IQuerySession session, CancellationToken token)
    {
        var pending = await session.Query<QueueEntry>().Where(e => e.Status == ModerationItemStatus.Pending)
            .OrderBy(e => e.WaitingSince).ToListAsync(token);
        var subjects = (await session.LoadManyAsync<ModeratedSubject>(token, pending.Select(p => ModeratedSubject.StreamIdFor(p.SubjectId)).Distinct()))
            .ToDictionary(s => s.SubjectId);
        return pending.Select(e =>
        {
            var subject = subjects.GetValueOrDefault(e.SubjectId);
            var (title, excerpt) = subject?.Summary() ?? (null, "");
            return new QueueItem(e.Id, e.SubjectType, e.SubjectId, e.Revision, e.CampaignId, title, excerpt, e.Reason, e.Author,
                subject?.ActiveFlags ?? 0, e.Screening, e.CreatedAt, e.WaitingSince, e.Appeal, e.AppealStatement, e.Attachments ?? []);
        }).ToList();
    }
}
