using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Notifications;

/// <summary>The forms of the notifications page and of the unsubscribe page, through the same commands as the API.</summary>
public static class NotificationPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/me/notifications/read-all", async (HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<UnreadResponse>(http, new MarkRead(Viewer.Of(http).Id!, null)), "/me/notifications", "/me/notifications"))
            .RequireAuthorization().RequireFormToken().ExcludeFromDescription();
        routes.MapPost("/me/notifications/preferences", async (HttpContext http, IMessageContext bus) =>
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var request = new PreferencesRequest(form["email"].ToString(),
                    NotificationKinds.All.ToDictionary(k => k, k => Deliveries.All.Contains(form[$"delivery-{k}"].ToString()) ? form[$"delivery-{k}"].ToString() : Deliveries.InApp));
                return await PageForms.Run(() => bus.Send<NotificationPreferences>(http, new SetPreferences(Viewer.Of(http).Id!, request)),
                    "/me/notifications?saved=1#preferences", "/me/notifications", fragment: "#preferences");
            })
            .RequireAuthorization().RequireFormToken().ExcludeFromDescription();
        // The mail's link opens a page that asks to confirm (a mail scanner following links unsubscribes no one).
        routes.MapPost("/notifications/unsubscribe/confirm", async (HttpContext http, IMessageContext bus, UnsubscribeLinks links) =>
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var (member, token) = (form["member"].ToString(), form["token"].ToString());
                if (!links.Verifies(member, token)) return Results.LocalRedirect("/notifications/unsubscribe?invalid=1");
                // The signed link speaks for its member: the event is theirs.
                await bus.SendAs(member, RequestContext.Of(http).CorrelationId, new StopEmails(member), http.RequestAborted);
                return Results.LocalRedirect("/notifications/unsubscribe?done=1");
            })
            .RequireFormToken().ExcludeFromDescription();
    }
}
