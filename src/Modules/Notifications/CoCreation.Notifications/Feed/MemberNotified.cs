using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Privacy;
using Marten.Events.Projections;

namespace CoCreation.Notifications.Feed;

/// <summary>
/// A member was told something. IdeaId names the idea it is about (its title is read from the idea's followers at read
/// time, so an erased author's title is erased here too); Detail is the platform's or staff's words (a status, a
/// decision's note, an amount), never another member's.
/// </summary>
public sealed record MemberNotified(
    Guid NotificationId, string MemberId, string Kind, Guid SubjectId, Guid? IdeaId,
    [NotMemberWritten("a status, a reason code, a brand's or moderator's note in their role, or an amount")] string? Detail,
    string? Actor, DateTimeOffset At);

public sealed record NotificationsRead(string MemberId, IReadOnlyList<Guid> NotificationIds, DateTimeOffset ReadAt);

/// <summary>The notification was handed to the SMTP server for the member's address.</summary>
public sealed record NotificationEmailed(Guid NotificationId, string MemberId, DateTimeOffset EmailedAt);

public static class NotificationStreams
{
    /// <summary>One stream per member holds everything they were told and read.</summary>
    public static Guid For(string memberId) => StreamIds.Derive("notifications-member", memberId);

    /// <summary>The same fact told to the same member twice (a message redelivered) is one notification.</summary>
    public static Guid IdOf(string kind, string cause, string memberId) => StreamIds.Derive("notification", $"{kind}\n{cause}\n{memberId}");
}

/// <summary>One notification as the member's feed lists it.</summary>
public sealed record NotificationView(Guid Id, string MemberId, string Kind, Guid SubjectId, Guid? IdeaId, string? Detail, string? Actor,
    DateTimeOffset At, DateTimeOffset? ReadAt = null, DateTimeOffset? EmailedAt = null)
{
    public bool Read => ReadAt is not null;
}

public sealed class NotificationViewProjection : MultiStreamProjection<NotificationView, Guid>
{
    public NotificationViewProjection()
    {
        Identity<MemberNotified>(e => e.NotificationId);
        Identities<NotificationsRead>(e => e.NotificationIds);
        Identity<NotificationEmailed>(e => e.NotificationId);
        Identities<Digests.NotificationDigestEmailed>(e => e.NotificationIds);
    }

    public static NotificationView Create(MemberNotified e) => new(e.NotificationId, e.MemberId, e.Kind, e.SubjectId, e.IdeaId, e.Detail, e.Actor, e.At);

    public static NotificationView Apply(NotificationsRead e, NotificationView view) => view.ReadAt is null ? view with { ReadAt = e.ReadAt } : view;

    public static NotificationView Apply(NotificationEmailed e, NotificationView view) => view with { EmailedAt = view.EmailedAt ?? e.EmailedAt };

    public static NotificationView Apply(Digests.NotificationDigestEmailed e, NotificationView view) => view with { EmailedAt = view.EmailedAt ?? e.EmailedAt };
}
