using Marten.Events.Aggregation;

namespace CoCreation.Notifications.Webhooks;

/// <summary>A registered endpoint as its organisation lists it (never its secret).</summary>
public sealed record WebhookEndpoint(Guid Id, string Organisation, string Url, IReadOnlyList<string> Kinds, string SecretFingerprint,
    string RegisteredBy, DateTimeOffset RegisteredAt, DateTimeOffset? RemovedAt = null)
{
    public bool Active => RemovedAt is null;

    public static WebhookEndpoint Create(WebhookEndpointRegistered e) =>
        new(e.EndpointId, e.Organisation, e.Url, e.Kinds, e.SecretFingerprint, e.RegisteredBy, e.RegisteredAt);

    public WebhookEndpoint Apply(WebhookEndpointRemoved e) => this with { RemovedAt = e.RemovedAt };
}

/// <summary>The endpoint's signing secret: a credential, kept beside the log and not in it.</summary>
public sealed record WebhookSecret(Guid Id, string Secret);

public static class DeliveryStatuses
{
    public const string Pending = "Pending";
    public const string Delivered = "Delivered";
    public const string Failed = "Failed";
}

/// <summary>One delivery as its organisation sees it: the body, the current series, its status and the last attempt.</summary>
public sealed record WebhookDelivery(
    Guid Id, Guid EndpointId, string Organisation, string Kind, string Payload, DateTimeOffset QueuedAt, int Series, int Attempts,
    string Status, int? LastStatusCode, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

public sealed class WebhookDeliveryProjection : SingleStreamProjection<WebhookDelivery, Guid>
{
    public static WebhookDelivery Create(WebhookDeliveryQueued e) =>
        new(e.DeliveryId, e.EndpointId, e.Organisation, e.Kind, e.Payload, e.QueuedAt, 1, 0, DeliveryStatuses.Pending, null, null, null, e.QueuedAt, null);

    public static WebhookDelivery Apply(WebhookDeliveryAttempted e, WebhookDelivery d) => e.Series != d.Series ? d : d with
    {
        Attempts = e.Attempt, LastStatusCode = e.StatusCode, LastError = e.Error, LastAttemptAt = e.AttemptedAt, NextAttemptAt = e.NextAt
    };

    public static WebhookDelivery Apply(WebhookDelivered e, WebhookDelivery d) => e.Series != d.Series ? d : d with
    {
        Attempts = e.Attempt, Status = DeliveryStatuses.Delivered, LastStatusCode = e.StatusCode, LastError = null, LastAttemptAt = e.DeliveredAt,
        NextAttemptAt = null, DeliveredAt = e.DeliveredAt
    };

    public static WebhookDelivery Apply(WebhookDeliveryAbandoned e, WebhookDelivery d) => e.Series != d.Series ? d : d with
    {
        Status = DeliveryStatuses.Failed, NextAttemptAt = null
    };

    public static WebhookDelivery Apply(WebhookDeliveryReplayed e, WebhookDelivery d) => d with
    {
        Series = e.Series, Attempts = 0, Status = DeliveryStatuses.Pending, NextAttemptAt = e.ReplayedAt
    };
}

public sealed record WebhookCampaign(Guid Id, Guid CampaignId, string Organisation)
{
    public static WebhookCampaign Create(WebhookCampaignNoted e) => new(WebhookStreams.Campaign(e.CampaignId), e.CampaignId, e.Organisation);
}
