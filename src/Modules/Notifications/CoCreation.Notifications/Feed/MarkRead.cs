using Marten;

namespace CoCreation.Notifications.Feed;

/// <summary>The body of POST /api/members/me/notifications/read: the notifications to mark read, or none for all.</summary>
public sealed record MarkReadRequest(List<Guid>? Ids);

public sealed record MarkRead(string MemberId, IReadOnlyList<Guid>? Ids);

public sealed record UnreadResponse(int Unread);

public static class MarkReadHandler
{
    /// <summary>At most this many are marked at once; "all" marks the newest ones first.</summary>
    public const int Max = 1000;

    public static async Task<UnreadResponse> Handle(MarkRead command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var unread = session.Query<NotificationView>().Where(n => n.MemberId == command.MemberId && n.ReadAt == null);
        if (command.Ids is { } ids) unread = unread.Where(n => ids.Contains(n.Id));
        // Another member's notification id is simply not among this member's: nothing is said about it.
        var marked = await unread.OrderByDescending(n => n.At).Select(n => n.Id).Take(Max).ToListAsync(token);
        if (marked.Count > 0)
            session.Events.Append(NotificationStreams.For(command.MemberId), new NotificationsRead(command.MemberId, marked.ToList(), clock.GetUtcNow()));
        var before = await MemberFeed.Unread(session, command.MemberId, token);
        return new UnreadResponse(Math.Max(0, before - marked.Count));
    }
}
