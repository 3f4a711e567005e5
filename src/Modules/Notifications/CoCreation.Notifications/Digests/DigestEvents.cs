using CoCreation.BuildingBlocks.Modules;
using Marten.Events.Aggregation;

namespace CoCreation.Notifications.Digests;

/// <summary>A member's digest of one period was put together: the notifications of the digest's kinds not yet e-mailed.</summary>
public sealed record NotificationDigestQueued(Guid DigestId, string MemberId, string Delivery, string Period, IReadOnlyList<Guid> NotificationIds, DateTimeOffset QueuedAt);

/// <summary>The digest was handed to the SMTP server: its notifications count as e-mailed.</summary>
public sealed record NotificationDigestEmailed(Guid DigestId, string MemberId, IReadOnlyList<Guid> NotificationIds, DateTimeOffset EmailedAt);

public sealed record NotificationDigest(Guid Id, string MemberId, string Delivery, string Period, IReadOnlyList<Guid> NotificationIds, DateTimeOffset? EmailedAt)
{
    /// <summary>One digest per member, delivery and period, whichever node or sweep puts it together first.</summary>
    public static Guid IdFor(string memberId, string delivery, string period) => StreamIds.Derive("notification-digest", $"{memberId}\n{delivery}\n{period}");

    public static NotificationDigest Create(NotificationDigestQueued e) => new(e.DigestId, e.MemberId, e.Delivery, e.Period, e.NotificationIds, null);

    public NotificationDigest Apply(NotificationDigestEmailed e) => this with { EmailedAt = EmailedAt ?? e.EmailedAt };
}
