using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace CoCreation.Notifications;

public sealed record PreferencesResponse(string? Email, IReadOnlyDictionary<string, string> Deliveries);

public sealed class NotificationsEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/members/me").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/notifications", (int? page, int? pageSize, HttpContext http, IQuerySession session, IStringLocalizer<NotificationsText> L, CancellationToken token) =>
            {
                new Validation()
                    .Require(page is null or (>= 1 and <= 100_000), "page", "'page' is from 1 to 100,000.")
                    .Require(pageSize is null or (>= 1 and <= MemberFeed.MaxPageSize), "pageSize", $"'pageSize' is from 1 to {MemberFeed.MaxPageSize}.")
                    .ThrowIfInvalid();
                return MemberFeed.Of(session, Viewer.Of(http).Id!, page ?? 1, pageSize ?? 20, L, token);
            })
            .WithSummary("My notifications, newest first, a page at a time, and how many are unread");
        me.MapPost("/notifications/read", (MarkReadRequest? body, HttpContext http, IMessageContext bus) =>
            {
                new Validation().Require(body?.Ids is null || body.Ids.Count <= MarkReadHandler.Max, "ids", $"At most {MarkReadHandler.Max} ids at once.").ThrowIfInvalid();
                return bus.Send<UnreadResponse>(http, new MarkRead(Viewer.Of(http).Id!, body?.Ids));
            })
            .WithSummary("Mark my notifications read: the ids given, or all of them");
        me.MapGet("/notification-preferences", async (HttpContext http, IQuerySession session, CancellationToken token) =>
                Response(await PreferencesOf(session, Viewer.Of(http).Id!, token)))
            .WithSummary("Where each kind of my notifications goes (in-app, or also e-mail), and my address for them");
        me.MapPut("/notification-preferences", async (PreferencesRequest body, HttpContext http, IMessageContext bus) =>
                Response(await bus.Send<NotificationPreferences>(http, new SetPreferences(Viewer.Of(http).Id!, body))))
            .WithSummary("Choose where each kind of my notifications goes; kinds not named stay in-app");
        NotificationPageEndpoints.Map(routes);
        Webhooks.WebhookEndpoints.Map(routes);
        Webhooks.WebhookPageEndpoints.Map(routes);
    }

    public static async Task<NotificationPreferences> PreferencesOf(IQuerySession session, string memberId, CancellationToken token) =>
        await session.LoadAsync<NotificationPreferences>(NotificationPreferences.StreamIdFor(memberId), token) ?? NotificationPreferences.Default(memberId);

    public static PreferencesResponse Response(NotificationPreferences p) =>
        new(p.Email, NotificationKinds.All.ToDictionary(k => k, p.DeliveryOf));
}
