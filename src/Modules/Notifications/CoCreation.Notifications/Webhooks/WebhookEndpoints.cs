using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Notifications.Webhooks;

public sealed record DeliveryListItem(Guid Id, string Kind, string Status, int Series, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset QueuedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string Payload);

/// <summary>A brand organisation's webhook endpoints and their deliveries: only its brand members see or change them.</summary>
public static class WebhookEndpoints
{
    public const int MaxDeliveries = 200;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var hooks = routes.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(p => p.RequireRole(Roles.Brand));
        hooks.MapGet("", async (HttpContext http, IQuerySession session, CancellationToken token) =>
                (await session.Query<WebhookEndpoint>().Where(e => e.Organisation == OrganisationOf(http) && e.RemovedAt == null)
                    .OrderBy(e => e.RegisteredAt).ToListAsync(token))
                .Select(e => new WebhookListItem(e.Id, e.Url, e.Kinds, e.SecretFingerprint, e.RegisteredBy, e.RegisteredAt)))
            .WithSummary("My organisation's webhook endpoints (without their secrets)");
        hooks.MapPost("", async (WebhookRequest body, HttpContext http, IMessageContext bus, IOptions<WebhookSettings> settings) =>
            {
                var registered = await bus.Send<WebhookRegistered>(http,
                    RegisterWebhookHandler.ToCommand(body, OrganisationOf(http), RequestContext.Of(http).Actor, settings.Value));
                return Results.Created($"/api/webhooks/{registered.Id}", registered);
            })
            .WithSummary("Register an endpoint for kinds of facts of my organisation's campaigns; the answer shows its signing secret, once")
            .Produces<WebhookRegistered>(StatusCodes.Status201Created);
        hooks.MapDelete("/{id:guid}", async (Guid id, HttpContext http, IMessageContext bus) =>
            {
                await bus.Send(http, new RemoveWebhook(id, OrganisationOf(http), RequestContext.Of(http).Actor));
                return Results.NoContent();
            })
            .WithSummary("Remove an endpoint: nothing more is sent to it")
            .Produces(StatusCodes.Status204NoContent);
        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, int? limit, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                new Validation()
                    .Require(status is null || status is DeliveryStatuses.Pending or DeliveryStatuses.Delivered or DeliveryStatuses.Failed, "status", "'status' is Pending, Delivered or Failed.")
                    .Require(limit is null or (>= 1 and <= MaxDeliveries), "limit", $"'limit' is from 1 to {MaxDeliveries}.")
                    .ThrowIfInvalid();
                var endpoint = await session.LoadAsync<WebhookEndpoint>(id, token);
                if (endpoint is null || endpoint.Organisation != OrganisationOf(http)) throw new NotFound("webhook", id);
                var query = session.Query<WebhookDelivery>().Where(d => d.EndpointId == id);
                if (status is not null) query = query.Where(d => d.Status == status);
                return (await query.OrderByDescending(d => d.QueuedAt).Take(limit ?? 50).ToListAsync(token))
                    .Select(d => new DeliveryListItem(d.Id, d.Kind, d.Status, d.Series, d.Attempts, d.LastStatusCode, d.LastError, d.QueuedAt,
                        d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt, d.Payload));
            })
            .WithSummary("An endpoint's deliveries, newest first: status, attempts, the last answer and the body sent");
        routes.MapPost("/api/webhook-deliveries/{id:guid}/replay", async (Guid id, HttpContext http, IMessageContext bus) =>
                Results.Accepted($"/api/webhook-deliveries/{id}", await bus.Send<ReplayResponse>(http, new ReplayWebhookDelivery(id, OrganisationOf(http), RequestContext.Of(http).Actor))))
            .WithTags("Webhooks").RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Send a delivery again (a new series of attempts, the same body and delivery id)")
            .Produces<ReplayResponse>(StatusCodes.Status202Accepted);
    }

    /// <summary>The caller's brand organisation: its webhooks are the only ones the caller sees or changes.</summary>
    internal static string OrganisationOf(HttpContext http) =>
        Viewer.Of(http).Organisation ?? throw new Forbidden("no-organisation", "Only a brand member of an organisation manages its webhooks.");
}
