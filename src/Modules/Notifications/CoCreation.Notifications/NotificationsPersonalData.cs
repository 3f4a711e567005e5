using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Preferences;
using CoCreation.Notifications.Webhooks;

namespace CoCreation.Notifications;

/// <summary>
/// Notifications keeps an idea's title (for the feed's sentences), a member's e-mail address and the bodies of webhook
/// deliveries: erasing the idea's submitter masks the title everywhere the feed shows it, erasing a member removes their
/// address and the words of theirs a delivery carried (docs/adr/0014).
/// </summary>
public static class NotificationsPersonalData
{
    public static IPersonalData Declaration { get; } = PersonalData.Declare(
        PersonalData.Of<FollowedIdeaNoted>(e => e.SubmittedBy, e => e with { Title = Erased.Text }),
        PersonalData.Of<NotificationPreferencesSet>(e => e.MemberId, e => e with { Email = null }),
        PersonalData.OfMany<WebhookDeliveryQueued>(e => e.Writers, e => e with { Payload = WebhookPayloads.Erased(e) }));
}
