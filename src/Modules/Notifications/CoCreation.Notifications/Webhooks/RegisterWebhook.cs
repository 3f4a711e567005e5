using System.Net;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Notifications.Contracts;
using Marten;
using Microsoft.Extensions.Options;

namespace CoCreation.Notifications.Webhooks;

public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Kinds);

public sealed record RegisterWebhook(Guid EndpointId, string Organisation, string Url, IReadOnlyList<string> Kinds, string By);

public sealed record RemoveWebhook(Guid EndpointId, string Organisation, string By);

/// <summary>Secret: shown once, in the answer to the registration; the receiver keeps it to check signatures.</summary>
public sealed record WebhookRegistered(Guid Id, string Url, IReadOnlyList<string> Kinds, string Secret, DateTimeOffset RegisteredAt);

public sealed record WebhookListItem(Guid Id, string Url, IReadOnlyList<string> Kinds, string SecretFingerprint, string RegisteredBy, DateTimeOffset RegisteredAt);

public static class RegisterWebhookHandler
{
    public static RegisterWebhook ToCommand(WebhookRequest request, string organisation, string by, WebhookSettings settings)
    {
        var uri = Uri.TryCreate(request.Url?.Trim(), UriKind.Absolute, out var parsed) ? parsed : null;
        var kinds = request.Kinds?.Select(k => k?.Trim() ?? "").Distinct().ToList() ?? [];
        new Validation()
            .Require(uri is not null && request.Url!.Length <= 2_000 && (uri.Scheme == Uri.UriSchemeHttps || (settings.AllowInsecureTargets && uri.Scheme == Uri.UriSchemeHttp))
                && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment),
                "url", settings.AllowInsecureTargets ? "'url' is an absolute http or https address without credentials." : "'url' is an absolute https address without credentials.")
            .Require(uri is null || settings.AllowInsecureTargets || !WebhookTargets.IsPrivate(uri.Host), "url", "'url' must not name a loopback or private address.")
            .Require(kinds.Count > 0 && kinds.All(WebhookKinds.All.Contains), "kinds", $"'kinds' is one or more of: {string.Join(", ", WebhookKinds.All)}.")
            .ThrowIfInvalid();
        return new RegisterWebhook(Guid.CreateVersion7(), organisation, uri!.ToString(), kinds, by);
    }

    public static async Task<WebhookRegistered> Handle(RegisterWebhook command, IDocumentSession session, TimeProvider clock, IOptions<WebhookSettings> settings, CancellationToken token)
    {
        var active = await session.Query<WebhookEndpoint>().CountAsync(e => e.Organisation == command.Organisation && e.RemovedAt == null, token);
        if (active >= settings.Value.MaxEndpointsPerOrganisation)
            throw new RuleViolated("too-many-webhooks", $"An organisation has at most {settings.Value.MaxEndpointsPerOrganisation} webhook endpoints; remove one first.");
        var secret = WebhookSignature.NewSecret();
        var registered = new WebhookEndpointRegistered(command.EndpointId, command.Organisation, command.Url, command.Kinds,
            WebhookSignature.Fingerprint(secret), command.By, clock.GetUtcNow());
        session.Events.StartStream<WebhookEndpoint>(WebhookStreams.Endpoint(command.EndpointId), registered);
        session.Store(new WebhookSecret(command.EndpointId, secret));
        return new WebhookRegistered(command.EndpointId, command.Url, command.Kinds, secret, registered.RegisteredAt);
    }

    /// <summary>Another organisation's endpoint does not exist for the caller (404).</summary>
    public static async Task Handle(RemoveWebhook command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        // The document first: an id that names another module's stream must not be folded as an endpoint.
        if (await session.LoadAsync<WebhookEndpoint>(command.EndpointId, token) is not { Active: true } known || known.Organisation != command.Organisation)
            throw new NotFound("webhook", command.EndpointId);
        var stream = await session.Events.FetchForWriting<WebhookEndpoint>(WebhookStreams.Endpoint(command.EndpointId), token);
        if (stream.Aggregate is not { Active: true } endpoint) throw new NotFound("webhook", command.EndpointId);
        stream.AppendOne(new WebhookEndpointRemoved(endpoint.Id, endpoint.Organisation, command.By, clock.GetUtcNow()));
        session.Delete<WebhookSecret>(endpoint.Id);
    }
}

/// <summary>Addresses a brand may not aim the platform at, unless the settings allow it (a development listener).</summary>
public static class WebhookTargets
{
    public static bool IsPrivate(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address);
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return true;
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return address.Equals(IPAddress.IPv6Any);
        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
               || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
