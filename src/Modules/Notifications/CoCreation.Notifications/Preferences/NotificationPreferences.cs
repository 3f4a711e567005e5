using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Notifications.Contracts;
using Marten.Events.Aggregation;

namespace CoCreation.Notifications.Preferences;

/// <summary>A member chose where each kind of notification goes, and gave (or removed) their e-mail address.</summary>
public sealed record NotificationPreferencesSet(string MemberId, string? Email, IReadOnlyDictionary<string, string> Deliveries, DateTimeOffset SetAt);

/// <summary>Deliveries: per kind, in-app or e-mail; a kind not named is in-app. Without an address nothing is e-mailed.</summary>
public sealed record NotificationPreferences(Guid Id, string MemberId, string? Email, IReadOnlyDictionary<string, string> Deliveries)
{
    public static Guid StreamIdFor(string memberId) => StreamIds.Derive("notifications-preferences", memberId);

    public static NotificationPreferences Default(string memberId) => new(StreamIdFor(memberId), memberId, null, new Dictionary<string, string>());

    public string DeliveryOf(string kind) => Deliveries.GetValueOrDefault(kind, Contracts.Deliveries.InApp);

    public bool Emails(string kind) => Email is not null && DeliveryOf(kind) == Contracts.Deliveries.Email;

    /// <summary>Whether the kind goes into the member's daily or weekly digest (<paramref name="digest"/>).</summary>
    public bool Digests(string kind, string digest) => Email is not null && DeliveryOf(kind) == digest;
}

public sealed class NotificationPreferencesProjection : SingleStreamProjection<NotificationPreferences, Guid>
{
    public static NotificationPreferences Create(NotificationPreferencesSet e) => new(NotificationPreferences.StreamIdFor(e.MemberId), e.MemberId, e.Email, e.Deliveries);

    public static NotificationPreferences Apply(NotificationPreferencesSet e, NotificationPreferences p) => p with { Email = e.Email, Deliveries = e.Deliveries };
}

/// <summary>The body of PUT /api/members/me/notification-preferences: <c>{ email, deliveries: { kind: "in-app" | "email" } }</c>.</summary>
public sealed record PreferencesRequest(string? Email, Dictionary<string, string>? Deliveries);

public static class PreferencesRules
{
    public static NotificationPreferencesSet Decide(PreferencesRequest request, string memberId, DateTimeOffset now)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var deliveries = request.Deliveries ?? [];
        new Validation()
            .Require(email is null || (email.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email), "email",
                "'email' is an e-mail address (at most 254 characters), or null for none.")
            .Require(deliveries.Keys.All(NotificationKinds.All.Contains), "deliveries", $"The kinds are: {string.Join(", ", NotificationKinds.All)}.")
            .Require(deliveries.Values.All(Contracts.Deliveries.All.Contains), "deliveries", $"A delivery is one of: {string.Join(", ", Contracts.Deliveries.All)}.")
            .ThrowIfInvalid();
        return new NotificationPreferencesSet(memberId, email, deliveries.ToDictionary(d => d.Key, d => d.Value), now);
    }
}
