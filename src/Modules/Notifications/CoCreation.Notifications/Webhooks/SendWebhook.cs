using System.Net;
using System.Net.Sockets;
using System.Text;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Notifications.Webhooks;

/// <summary>Attempt <see cref="Attempt"/> of series <see cref="Series"/> of a delivery: a durable message, so a retry waiting in the database survives a restart.</summary>
public sealed record SendWebhook(Guid DeliveryId, int Series, int Attempt);

public sealed record ReplayWebhookDelivery(Guid DeliveryId, string Organisation, string By);

public sealed record ReplayResponse(Guid Id, int Series, string Status);

public static class SendWebhookHandler
{
    public const string HttpClientName = "webhooks";

    /// <summary>
    /// Posts the delivery's body, signed, to its endpoint. A 2xx records it delivered; anything else records the attempt and
    /// schedules the next one after the configured wait (or gives up when the waits are spent). A message that is not the
    /// delivery's next attempt (redelivered, or of a series a replay replaced) does nothing.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SendWebhook message, IDocumentSession session, IHttpClientFactory clients,
        IOptions<WebhookSettings> options, TimeProvider clock, CancellationToken token)
    {
        var settings = options.Value;
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, token);
        if (delivery is null || delivery.Series != message.Series || delivery.Status != DeliveryStatuses.Pending || delivery.Attempts >= message.Attempt) return [];
        var endpoint = await session.LoadAsync<WebhookEndpoint>(delivery.EndpointId, token);
        var secret = await session.LoadAsync<WebhookSecret>(delivery.EndpointId, token);
        var now = clock.GetUtcNow();
        if (endpoint is not { Active: true } || secret is null)
        {
            session.Events.Append(delivery.Id, new WebhookDeliveryAttempted(delivery.Id, message.Series, message.Attempt, null, "The endpoint was removed.", now, null),
                new WebhookDeliveryAbandoned(delivery.Id, message.Series, message.Attempt, now));
            return [];
        }

        var (status, error) = await Post(clients.CreateClient(HttpClientName), endpoint, secret.Secret, delivery, settings, token);
        if (status is >= 200 and < 300)
        {
            session.Events.Append(delivery.Id, new WebhookDelivered(delivery.Id, message.Series, message.Attempt, status.Value, now));
            return [];
        }
        if (settings.DelayAfter(message.Attempt) is { } wait)
        {
            session.Events.Append(delivery.Id, new WebhookDeliveryAttempted(delivery.Id, message.Series, message.Attempt, status, error, now, now + wait));
            return [new SendWebhook(delivery.Id, message.Series, message.Attempt + 1).DelayedFor(wait)];
        }
        session.Events.Append(delivery.Id, new WebhookDeliveryAttempted(delivery.Id, message.Series, message.Attempt, status, error, now, null),
            new WebhookDeliveryAbandoned(delivery.Id, message.Series, message.Attempt, now));
        return [];
    }

    private static async Task<(int? Status, string? Error)> Post(HttpClient client, WebhookEndpoint endpoint, string secret, WebhookDelivery delivery,
        WebhookSettings settings, CancellationToken token)
    {
        var uri = new Uri(endpoint.Url);
        if (!settings.AllowInsecureTargets && await ResolvesPrivate(uri.Host, token))
            return (null, "The endpoint's address resolves to a loopback or private network.");
        // The signature's time is the real one: the receiver compares it with its own clock (the dev clock may run ahead).
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.KindHeader, delivery.Kind);
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The endpoint answered {(int)response.StatusCode}.");
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return (null, $"No answer within {settings.TimeoutSeconds} s.");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.InnerException is SocketException socket ? $"Connection failed: {socket.SocketErrorCode}." : "The request failed.");
        }
    }

    private static async Task<bool> ResolvesPrivate(string host, CancellationToken token)
    {
        if (WebhookTargets.IsPrivate(host)) return true;
        if (IPAddress.TryParse(host, out _)) return false;
        try { return (await Dns.GetHostAddressesAsync(host, token)).Any(WebhookTargets.IsPrivate); }
        catch (SocketException) { return false; }
    }

    public static async Task<(ReplayResponse, OutgoingMessages)> Handle(ReplayWebhookDelivery command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var delivery = await session.LoadAsync<WebhookDelivery>(command.DeliveryId, token);
        if (delivery is null || delivery.Organisation != command.Organisation) throw new BuildingBlocks.Problems.NotFound("webhook delivery", command.DeliveryId);
        var series = delivery.Series + 1;
        session.Events.Append(delivery.Id, new WebhookDeliveryReplayed(delivery.Id, series, command.By, clock.GetUtcNow()));
        return (new ReplayResponse(delivery.Id, series, DeliveryStatuses.Pending), [new SendWebhook(delivery.Id, series, 1)]);
    }
}
