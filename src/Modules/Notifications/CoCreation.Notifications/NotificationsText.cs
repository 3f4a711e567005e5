namespace CoCreation.Notifications;

/// <summary>The resources of Notifications' texts: English texts are the keys, NotificationsText.fr.resx gives the French.</summary>
public sealed class NotificationsText;
