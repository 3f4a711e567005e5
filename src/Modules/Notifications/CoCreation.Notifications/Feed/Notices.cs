using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Contracts;
using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Following;
using CoCreation.Rewards.Contracts;
using CoCreation.Voting.Contracts;
using System.Globalization;

namespace CoCreation.Notifications.Feed;

/// <summary>One thing to tell one member; Cause identifies the fact, so the same fact told twice is one notification.</summary>
public sealed record Notice(string MemberId, string Kind, Guid SubjectId, Guid? IdeaId, string? Detail, string? Actor, string Cause, DateTimeOffset At)
{
    public MemberNotified ToEvent() => new(NotificationStreams.IdOf(Kind, Cause, MemberId), MemberId, Kind, SubjectId, IdeaId, Detail, Actor, At);
}

/// <summary>Who is told what for each message: pure, so the recipients are unit-tested without a database. Nobody is told of their own act.</summary>
public static class Notices
{
    public static IReadOnlyList<Notice> Of(IdeaStatusChangedIntegrationEvent m, IdeaFollowers? followers) =>
        // Submitted is the author's own act or a revision waiting for screening: not news for followers.
        // The message's authors count even when Notifications has not yet noted the idea (its messages race on other queues).
        // An idea leaving public view (hidden, withdrawn, rejected) is its authors' news only: the note is not the public's.
        m.Status == "Submitted" ? [] :
        Except((m.Authors ?? []).Concat(IdeaStatuses.IsPublic(m.Status) ? followers?.Everyone ?? [] : followers?.Authors ?? []), m.ChangedBy).Select(member => new Notice(member, NotificationKinds.IdeaStatus, m.IdeaId, m.IdeaId,
            m.Note is { Length: > 0 } note ? $"{m.Status}: {note}" : m.Status, m.ChangedBy, $"{m.IdeaId}:{m.Status}:{m.ChangedAt.UtcTicks}", m.ChangedAt)).ToList();

    public static IReadOnlyList<Notice> Of(CoAuthorInvitedIntegrationEvent m) =>
        [new(m.Invitee, NotificationKinds.CoAuthorInvitation, m.IdeaId, m.IdeaId, null, m.InvitedBy, $"{m.IdeaId}:{m.InvitedAt.UtcTicks}", m.InvitedAt)];

    public static IReadOnlyList<Notice> Of(MilestoneReachedIntegrationEvent m) =>
        m.Authors.Distinct().Select(author => new Notice(author, NotificationKinds.Milestone, m.IdeaId, m.IdeaId,
            (m.MilestoneIndex + 1).ToString(CultureInfo.InvariantCulture), null, $"{m.IdeaId}:{m.MilestoneIndex}", m.ReachedAt)).ToList();

    public static IReadOnlyList<Notice> Of(MoneyCreditedIntegrationEvent m) =>
        [new(m.MemberId, NotificationKinds.Reward, m.IdeaId, m.IdeaId, $"{m.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {m.Currency}",
            null, $"{m.IdeaId}:{m.Kind}:{m.Period}:{m.CreditedAt.UtcTicks}", m.CreditedAt)];

    public static IReadOnlyList<Notice> Of(CommentPostedIntegrationEvent m) =>
        m.RepliedTo is { } answered && answered != m.PostedBy
            ? [new(answered, NotificationKinds.Reply, m.CommentId, m.IdeaId, null, m.PostedBy, m.CommentId.ToString(), m.PostedAt)]
            : [];

    /// <summary>
    /// A merge reaches the merged idea's supporters and commenters and the target's authors, about the target (the
    /// merged idea is no longer public); its own authors hear of it by its status change and their invitation.
    /// </summary>
    public static IReadOnlyList<Notice> Of(IdeaMergedIntegrationEvent m, IdeaFollowers? merged) =>
        Except((merged?.Everyone ?? []).Concat(m.IntoAuthors).Where(member => !m.Authors.Contains(member)), m.MergedBy)
            .Select(member => new Notice(member, NotificationKinds.IdeaStatus, m.IntoIdeaId, m.IntoIdeaId,
                $"“{m.Title}” was merged into it; its support counts here now", m.MergedBy, $"{m.MergeId}:merged", m.MergedAt)).ToList();

    /// <summary>An undone merge reaches the target's authors; the unmerged idea's followers hear of it by its status change.</summary>
    public static IReadOnlyList<Notice> Of(IdeaUnmergedIntegrationEvent m) =>
        Except(m.FromAuthors.Where(member => !m.Authors.Contains(member)), m.UnmergedBy)
            .Select(member => new Notice(member, NotificationKinds.IdeaStatus, m.FromIdeaId, m.FromIdeaId,
                $"the merge of “{m.Title}” into it was undone; that idea's support went back to it", m.UnmergedBy, $"{m.MergeId}:unmerged", m.UnmergedAt)).ToList();

    /// <summary>A rejection or hiding reaches the subject's authors: an idea's (from its followers) or a comment's writer.</summary>
    public static IReadOnlyList<Notice> OfDecision(Guid itemId, string subjectType, Guid subjectId, string decision, string? note, string decidedBy,
        DateTimeOffset at, IdeaFollowers? idea, CommentAuthor? comment)
    {
        var (authors, ideaId) = subjectType == SubjectTypes.Idea ? (idea?.Authors ?? [], (Guid?)subjectId) : (comment is null ? [] : [comment.Author], comment?.IdeaId);
        var detail = note is { Length: > 0 } ? $"{decision}: {note}" : decision;
        return Except(authors, decidedBy).Select(author => new Notice(author, NotificationKinds.ModerationDecision, subjectId, ideaId, detail, decidedBy,
            $"{itemId}:{decision}:{at.UtcTicks}", at)).ToList();
    }

    private static IEnumerable<string> Except(IEnumerable<string> members, string actor) => members.Where(m => m != actor).Distinct();
}
