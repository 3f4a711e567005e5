using Marten;

namespace CoCreation.Notifications.Preferences;

public sealed record SetPreferences(string MemberId, PreferencesRequest Request);

/// <summary>Stop every e-mail to the member (the unsubscribe link): each kind goes back to in-app, the address is kept.</summary>
public sealed record StopEmails(string MemberId);

public static class PreferencesHandler
{
    public static NotificationPreferences Handle(SetPreferences command, IDocumentSession session, TimeProvider clock)
    {
        var set = PreferencesRules.Decide(command.Request, command.MemberId, clock.GetUtcNow());
        session.Events.Append(NotificationPreferences.StreamIdFor(command.MemberId), set);
        return NotificationPreferencesProjection.Create(set);
    }

    public static async Task Handle(StopEmails command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var current = await session.LoadAsync<NotificationPreferences>(NotificationPreferences.StreamIdFor(command.MemberId), token);
        if (current is null || current.Deliveries.Values.All(d => d == Contracts.Deliveries.InApp)) return;
        session.Events.Append(NotificationPreferences.StreamIdFor(command.MemberId),
            new NotificationPreferencesSet(command.MemberId, current.Email, new Dictionary<string, string>(), clock.GetUtcNow()));
    }
}
