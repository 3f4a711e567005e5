using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Notifications.Webhooks;

/// <summary>
/// Each fact of a campaign becomes one delivery per active endpoint of the organisation that runs it and asked for
/// its kind, queued and sent in the same transaction (the outbox): none is lost, none is queued twice.
/// </summary>
public static class WebhookFanOutHandler
{
    public static void Handle(CampaignOpenedIntegrationEvent message, IDocumentSession session)
    {
        if (message.Organisation is { } organisation)
            session.Events.Append(WebhookStreams.Campaign(message.CampaignId), new WebhookCampaignNoted(message.CampaignId, organisation, message.OpenedAt));
    }

    public static Task<OutgoingMessages> Handle(IdeaSubmittedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);
    public static Task<OutgoingMessages> Handle(IdeaStatusChangedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);
    public static Task<OutgoingMessages> Handle(MilestoneReachedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);
    public static Task<OutgoingMessages> Handle(IdeaMergedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);
    public static Task<OutgoingMessages> Handle(IdeaUnmergedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);
    public static Task<OutgoingMessages> Handle(CommentPostedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);
    public static Task<OutgoingMessages> Handle(CampaignClosedIntegrationEvent m, IDocumentSession s, TimeProvider c, CancellationToken t) => Queue(WebhookPayloads.Of(m), s, c, t);

    private static async Task<OutgoingMessages> Queue(WebhookFact fact, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        // Most platforms have few endpoints: without any, nothing is looked up.
        if (!await session.Query<WebhookEndpoint>().AnyAsync(e => e.RemovedAt == null, token)) return outgoing;
        var campaign = await session.LoadAsync<WebhookCampaign>(WebhookStreams.Campaign(fact.CampaignId), token)
                       ?? throw new FactNotYetKnown($"Notifications does not know yet who runs campaign {fact.CampaignId}.");
        var endpoints = (await session.Query<WebhookEndpoint>().Where(e => e.Organisation == campaign.Organisation && e.RemovedAt == null).ToListAsync(token))
            .Where(e => e.Kinds.Contains(fact.Kind)).ToList();
        foreach (var endpoint in endpoints)
        {
            var deliveryId = WebhookStreams.Delivery(endpoint.Id, fact.Cause);
            if (await session.Events.FetchStreamStateAsync(deliveryId, token) is not null) continue;
            session.Events.StartStream<WebhookDelivery>(deliveryId, new WebhookDeliveryQueued(deliveryId, endpoint.Id, endpoint.Organisation, fact.Kind,
                WebhookPayloads.Body(deliveryId, fact), fact.Writers, clock.GetUtcNow()));
            outgoing.Add(new SendWebhook(deliveryId, 1, 1));
        }
        return outgoing;
    }
}
