using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Preferences;
using Marten;
using Microsoft.Extensions.Localization;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CoCreation.Notifications.Mail;

/// <summary>E-mail one notification to its member: a durable message, so a mail waiting for a retry survives a restart.</summary>
public sealed record SendNotificationMail(Guid NotificationId, string MemberId);

public static class SendNotificationMailHandler
{
    /// <summary>
    /// An SMTP server that is down or refuses is retried quickly twice, then on a schedule kept in the database (up to
    /// about half an hour), then the message is dead-lettered where an admin sees and replays it.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnAnyException()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1),
                TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20))
            .Then.MoveToErrorQueue();

    public static async Task Handle(SendNotificationMail message, IDocumentSession session, NotificationMailer mailer, TimeProvider clock,
        IStringLocalizer<NotificationsText> L, CancellationToken token)
    {
        var notification = await session.LoadAsync<NotificationView>(message.NotificationId, token);
        // Sent already (a redelivery after the send), or the member no longer wants it by e-mail: nothing to do.
        if (notification is null || notification.EmailedAt is not null) return;
        var preferences = await session.LoadAsync<NotificationPreferences>(NotificationPreferences.StreamIdFor(message.MemberId), token);
        if (preferences?.Emails(notification.Kind) != true) return;
        var title = notification.IdeaId is { } idea ? (await session.LoadAsync<IdeaFollowers>(IdeaFollowers.StreamIdFor(idea), token))?.Title : null;
        await mailer.Send(preferences.Email!, notification, NotificationText.Of(notification, title, L), L, token);
        session.Events.Append(NotificationStreams.For(message.MemberId), new NotificationEmailed(notification.Id, message.MemberId, clock.GetUtcNow()));
    }
}
