using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using Marten;
using Microsoft.Extensions.Localization;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CoCreation.Notifications.Digests;

/// <summary>E-mail one digest: a durable message, retried like a single notification's mail.</summary>
public sealed record SendNotificationDigest(Guid DigestId, string MemberId);

public static class SendNotificationDigestHandler
{
    public static void Configure(HandlerChain chain) => SendNotificationMailHandler.Configure(chain);

    public static async Task Handle(SendNotificationDigest message, IDocumentSession session, NotificationMailer mailer, TimeProvider clock,
        IStringLocalizer<NotificationsText> L, CancellationToken token)
    {
        var digest = await session.LoadAsync<NotificationDigest>(message.DigestId, token);
        if (digest is null || digest.EmailedAt is not null) return;
        var preferences = await session.LoadAsync<NotificationPreferences>(NotificationPreferences.StreamIdFor(message.MemberId), token);
        if (preferences?.Email is not { } email) return;
        var notifications = (await session.LoadManyAsync<NotificationView>(token, digest.NotificationIds.ToArray()))
            .Where(n => n.EmailedAt is null).OrderBy(n => n.At).ToList();
        if (notifications.Count > 0)
        {
            var ideas = notifications.Select(n => n.IdeaId).OfType<Guid>().Distinct().Select(IdeaFollowers.StreamIdFor).ToArray();
            var titles = (await session.LoadManyAsync<IdeaFollowers>(token, ideas)).ToDictionary(f => f.IdeaId, f => f.Title);
            var lines = notifications.Select(n => (n, NotificationText.Of(n, n.IdeaId is { } idea ? titles.GetValueOrDefault(idea) : null, L))).ToList();
            await mailer.SendDigest(email, digest, lines, L, token);
        }
        session.Events.Append(digest.Id, new NotificationDigestEmailed(digest.Id, message.MemberId, notifications.Select(n => n.Id).ToList(), clock.GetUtcNow()));
    }
}
