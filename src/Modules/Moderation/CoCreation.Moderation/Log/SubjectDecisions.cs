using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Campaigns;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.Moderation.Subjects;
using Marten;

namespace CoCreation.Moderation.Log;

/// <summary>Appealable: a rejection or hiding not yet appealed and not final, so its author may appeal it with the item id.</summary>
public sealed record SubjectDecision(Guid ItemId, string Reason, int Revision, ModerationItemStatus Status, string? Decision, string? ReasonCode, string? Note,
    bool Final, bool Appealed, bool Appealable, DateTimeOffset QueuedAt, DateTimeOffset? DecidedAt);

/// <summary>
/// The moderation decisions on one idea or comment, for its authors (so they can appeal without asking a moderator for
/// the item id), moderators and legal. Anyone else is told the subject does not exist.
/// </summary>
public static class SubjectDecisions
{
    public static async Task<IReadOnlyList<SubjectDecision>> For(IQuerySession session, string subjectType, Guid subjectId, Viewer viewer, CancellationToken token)
    {
        var subject = await session.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(subjectId), token);
        if (subject is null || subject.SubjectType != subjectType) throw new NotFound(subjectType, subjectId);
        var mayRead = viewer.Is(Roles.Moderator) || viewer.Is(Roles.Legal) || (viewer.Id is { } me && subject.Authors.Contains(me));
        if (!mayRead)
        {
            var parent = subject.ParentId is { } parentId ? await session.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(parentId), token) : null;
            if (!subject.PublicWith(parent)) throw new NotFound(subjectType, subjectId);
            throw new Forbidden("not-your-subject", $"Only the {subjectType}'s authors, moderators and legal read its moderation decisions.");
        }
        var entries = await session.Query<QueueEntry>().Where(e => e.SubjectId == subjectId).OrderBy(e => e.CreatedAt).ToListAsync(token);
        var decisions = new List<SubjectDecision>();
        foreach (var entry in entries)
        {
            var last = (await session.Events.FetchStreamAsync(entry.Id, token: token)).Select(e => e.Data).OfType<ModerationItemDecided>().LastOrDefault();
            var appealable = entry.Status is ModerationItemStatus.Rejected or ModerationItemStatus.Hidden && !entry.Appeal && !entry.Final;
            decisions.Add(new SubjectDecision(entry.Id, entry.Reason, entry.Revision, entry.Status, last?.Decision.ToString(), last?.ReasonCode, last?.Note,
                entry.Final, entry.Appeal, appealable, entry.CreatedAt, last?.DecidedAt));
        }
        return decisions;
    }
}
