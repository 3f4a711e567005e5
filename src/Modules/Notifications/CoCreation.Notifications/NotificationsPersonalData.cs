using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Preferences;

namespace CoCreation.Notifications;

/// <summary>
/// Notifications keeps an idea's title (for the feed's sentences) and a member's e-mail address: erasing the idea's
/// submitter masks the title everywhere the feed shows it, erasing a member removes their address (docs/adr/0014).
/// </summary>
public static class NotificationsPersonalData
{
    public static IPersonalData Declaration { get; } = PersonalData.Declare(
        PersonalData.Of<FollowedIdeaNoted>(e => e.SubmittedBy, e => e with { Title = Erased.Text }),
        PersonalData.Of<NotificationPreferencesSet>(e => e.MemberId, e => e with { Email = null }));
}
