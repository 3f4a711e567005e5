using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Privacy;

namespace CoCreation.Notifications.Webhooks;

/// <summary>
/// A brand organisation registered an endpoint for some kinds of its campaigns' facts. The secret itself is not in
/// the log (exports and a member's own data read the log): only its fingerprint; the secret is in <see cref="WebhookSecret"/>.
/// </summary>
public sealed record WebhookEndpointRegistered(
    Guid EndpointId, string Organisation, [NotMemberWritten("an address the brand gives in its role, not a member's words")] string Url,
    IReadOnlyList<string> Kinds, [NotMemberWritten("a hash prefix")] string SecretFingerprint, string RegisteredBy, DateTimeOffset RegisteredAt);

public sealed record WebhookEndpointRemoved(Guid EndpointId, string Organisation, string RemovedBy, DateTimeOffset RemovedAt);

/// <summary>
/// One fact to deliver to one endpoint: the exact body that is signed and sent, every attempt and every replay.
/// Writers: the members whose words the body carries (an idea's title, a comment's text), masked on their erasure.
/// </summary>
public sealed record WebhookDeliveryQueued(
    Guid DeliveryId, Guid EndpointId, string Organisation, [NotMemberWritten("a code")] string Kind, string Payload,
    IReadOnlyList<string> Writers, DateTimeOffset QueuedAt);

/// <summary>An attempt of series <see cref="Series"/> failed (an HTTP status outside 2xx, a timeout, a refused connection); NextAt: when it is tried again, if it is.</summary>
public sealed record WebhookDeliveryAttempted(
    Guid DeliveryId, int Series, int Attempt, int? StatusCode, [NotMemberWritten("the platform's description of the failure")] string? Error,
    DateTimeOffset AttemptedAt, DateTimeOffset? NextAt);

public sealed record WebhookDelivered(Guid DeliveryId, int Series, int Attempt, int StatusCode, DateTimeOffset DeliveredAt);

/// <summary>Every attempt of the series failed: the delivery waits for a replay.</summary>
public sealed record WebhookDeliveryAbandoned(Guid DeliveryId, int Series, int Attempts, DateTimeOffset AbandonedAt);

/// <summary>A brand member asked for the delivery again: a new series of attempts, the same body and delivery id.</summary>
public sealed record WebhookDeliveryReplayed(Guid DeliveryId, int Series, string ReplayedBy, DateTimeOffset ReplayedAt);

/// <summary>Which organisation runs a campaign, as Notifications learnt it from the campaign's opening.</summary>
public sealed record WebhookCampaignNoted(Guid CampaignId, string Organisation, DateTimeOffset NotedAt);

public static class WebhookStreams
{
    public static Guid Endpoint(Guid endpointId) => endpointId;

    /// <summary>The same fact for the same endpoint (a message redelivered) is one delivery.</summary>
    public static Guid Delivery(Guid endpointId, string cause) => StreamIds.Derive("webhook-delivery", $"{endpointId:D}\n{cause}");

    public static Guid Campaign(Guid campaignId) => StreamIds.Derive("webhook-campaign", campaignId.ToString("D"));
}
