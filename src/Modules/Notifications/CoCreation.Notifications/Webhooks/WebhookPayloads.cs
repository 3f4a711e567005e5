using System.Text.Json;
using CoCreation.Ideation.Contracts;
using CoCreation.Notifications.Contracts;
using CoCreation.Voting.Contracts;

namespace CoCreation.Notifications.Webhooks;

/// <summary>One fact as a webhook tells it: its campaign, kind, the cause that identifies it, its data, and whose words the data carries.</summary>
public sealed record WebhookFact(Guid CampaignId, string Kind, string Cause, object Data, IReadOnlyList<string> Writers, DateTimeOffset At);

/// <summary>The body a receiver gets: the same envelope for every kind, the fact's fields under <c>data</c>.</summary>
public sealed record WebhookBody(Guid Id, string Kind, Guid CampaignId, DateTimeOffset OccurredAt, object Data);

/// <summary>Turns the other modules' messages into webhook facts: pure, so the bodies are unit-tested without a database.</summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookFact Of(IdeaSubmittedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.IdeaSubmitted, $"{m.IdeaId}:submitted:{m.Revision}",
            new { ideaId = m.IdeaId, revision = m.Revision, title = m.Title, authors = m.Authors, submittedBy = m.SubmittedBy }, [m.SubmittedBy], m.SubmittedAt);

    public static WebhookFact Of(IdeaStatusChangedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.IdeaStatusChanged, $"{m.IdeaId}:{m.Status}:{m.ChangedAt.UtcTicks}",
            new { ideaId = m.IdeaId, status = m.Status, note = m.Note, changedBy = m.ChangedBy }, [], m.ChangedAt);

    public static WebhookFact Of(MilestoneReachedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.MilestoneReached, $"{m.IdeaId}:milestone:{m.MilestoneIndex}",
            new { ideaId = m.IdeaId, milestone = m.MilestoneIndex + 1, supporters = m.Supporters, final = m.IsFinal }, [], m.ReachedAt);

    public static WebhookFact Of(IdeaMergedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.IdeaMerged, $"{m.MergeId}:merged",
            new { ideaId = m.IdeaId, into = m.IntoIdeaId, mergeId = m.MergeId, note = m.Note, mergedBy = m.MergedBy }, [], m.MergedAt);

    public static WebhookFact Of(IdeaUnmergedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.IdeaUnmerged, $"{m.MergeId}:unmerged",
            new { ideaId = m.IdeaId, from = m.FromIdeaId, mergeId = m.MergeId, status = m.RestoredStatus, note = m.Note, unmergedBy = m.UnmergedBy }, [], m.UnmergedAt);

    public static WebhookFact Of(CommentPostedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.CommentPosted, $"{m.CommentId}:posted",
            new { commentId = m.CommentId, ideaId = m.IdeaId, text = m.Text, postedBy = m.PostedBy, replyTo = m.ReplyTo }, [m.PostedBy], m.PostedAt);

    public static WebhookFact Of(CampaignClosedIntegrationEvent m) =>
        new(m.CampaignId, WebhookKinds.CampaignClosed, $"{m.CampaignId}:closed", new { campaignId = m.CampaignId }, [], m.ClosedAt);

    public static string Body(Guid deliveryId, WebhookFact fact) =>
        JsonSerializer.Serialize(new WebhookBody(deliveryId, fact.Kind, fact.CampaignId, fact.At, fact.Data), Json);

    /// <summary>The body of a delivery whose writer was erased: the envelope stays, the fact's words go.</summary>
    public static string Erased(WebhookDeliveryQueued e) =>
        JsonSerializer.Serialize(new { id = e.DeliveryId, kind = e.Kind, erased = true }, Json);
}
