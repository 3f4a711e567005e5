using CoCreation.Notifications.Following;
using Marten;
using Marten.Pagination;
using Microsoft.Extensions.Localization;

namespace CoCreation.Notifications.Feed;

public sealed record NotificationItem(Guid Id, string Kind, Guid SubjectId, Guid? IdeaId, string Text, string Link, DateTimeOffset At, bool Read);

/// <summary>GET /api/members/me/notifications: a page of the member's notifications, newest first, and how many are unread.</summary>
public sealed record NotificationFeed(IReadOnlyList<NotificationItem> Items, int Unread, long Total);

public static class MemberFeed
{
    public const int MaxPageSize = 100;

    public static async Task<NotificationFeed> Of(IQuerySession session, string memberId, int page, int pageSize, IStringLocalizer L, CancellationToken token)
    {
        var views = await session.Query<NotificationView>().Where(n => n.MemberId == memberId)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id).ToPagedListAsync(page, pageSize, token);
        var unread = await session.Query<NotificationView>().CountAsync(n => n.MemberId == memberId && n.ReadAt == null, token);
        var ideaIds = views.Where(v => v.IdeaId is not null).Select(v => IdeaFollowers.StreamIdFor(v.IdeaId!.Value)).Distinct().ToArray();
        var titles = ideaIds.Length == 0 ? new Dictionary<Guid, string>()
            : (await session.LoadManyAsync<IdeaFollowers>(token, ideaIds)).ToDictionary(f => f.IdeaId, f => f.Title);
        return new NotificationFeed(views.Select(v => new NotificationItem(v.Id, v.Kind, v.SubjectId, v.IdeaId,
            NotificationText.Of(v, v.IdeaId is { } idea ? titles.GetValueOrDefault(idea) : null, L), NotificationText.LinkOf(v), v.At, v.Read)).ToList(),
            unread, views.TotalItemCount);
    }

    public static Task<int> Unread(IQuerySession session, string memberId, CancellationToken token) =>
        session.Query<NotificationView>().CountAsync(n => n.MemberId == memberId && n.ReadAt == null, token);
}
