using CoCreation.BuildingBlocks.Modules;
using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using CoCreation.Notifications.Seeding;
using CoCreation.Notifications.Webhooks;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Notifications;

/// <summary>
/// The seventh module: each member's feed of what concerns them, and e-mail for the kinds they ask, fed only by the
/// other modules' contract messages (docs/adr/0030).
/// </summary>
public static class NotificationsModule
{
    public const string Schema = "notifications";

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section);
        services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSettings.Section);
        // Redirects are not followed: a delivery goes to the registered address only.
        services.AddHttpClient(SendWebhookHandler.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false });
        return services.AddSingleton(NotificationsPersonalData.Declaration)
            .AddSingleton<UnsubscribeLinks>()
            .AddNotificationsDemoSeed()
            .AddSingleton<NotificationMailer>()
            .AddSingleton<Digests.DueDigests>()
            .AddSingleton<BuildingBlocks.Time.IDueWork>(sp => sp.GetRequiredService<Digests.DueDigests>())
            .AddHostedService<Digests.DigestSweeper>()
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.ShellMember, typeof(NotificationBell)))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandOrganisation, typeof(WebhooksLink)))
            .AddSingleton(new BuildingBlocks.Ui.RefusalSentences(new Dictionary<string, string>
            {
                [WebhookPageEndpoints.InvalidForm] = "Give an https address without credentials and tick at least one kind.",
                ["too-many-webhooks"] = "Your organisation has the most endpoints it may have: remove one first."
            }, Module: "Notifications", Text: typeof(NotificationsText)))
            .AddModule<NotificationsEndpoints>(Schema, opts =>
            {
                opts.Events.AddEventTypes([typeof(FollowedIdeaNoted), typeof(FollowedIdeaAuthorsNoted), typeof(FollowedIdeaSupportersNoted), typeof(FollowedIdeaCommentNoted),
                    typeof(MemberNotified), typeof(NotificationsRead), typeof(NotificationEmailed), typeof(NotificationPreferencesSet),
                    typeof(WebhookEndpointRegistered), typeof(WebhookEndpointRemoved), typeof(WebhookDeliveryQueued), typeof(WebhookDeliveryAttempted),
                    typeof(WebhookDelivered), typeof(WebhookDeliveryAbandoned), typeof(WebhookDeliveryReplayed), typeof(WebhookCampaignNoted),
                    typeof(Digests.NotificationDigestQueued), typeof(Digests.NotificationDigestEmailed)]);
                opts.Projections.Snapshot<IdeaFollowers>(SnapshotLifecycle.Inline);
                opts.Projections.Add<CommentAuthorProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<NotificationViewProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<NotificationPreferencesProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<NotificationView>().Index(x => x.MemberId).Index(x => x.At);
                opts.Projections.Snapshot<WebhookEndpoint>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Digests.NotificationDigest>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<WebhookCampaign>(SnapshotLifecycle.Inline);
                opts.Projections.Add<WebhookDeliveryProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<WebhookEndpoint>().Index(x => x.Organisation);
                opts.Schema.For<WebhookDelivery>().Index(x => x.EndpointId).Index(x => x.QueuedAt);
            });
    }
}
