using System.Net;
using System.Text.Json;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Notifications.Webhooks;

namespace CoCreation.UnitTests.Notifications;

public class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signature_verifies_for_its_body_and_secret_within_the_tolerance_only()
    {
        var secret = WebhookSignature.NewSecret();
        var body = """{"id":"1","kind":"idea.submitted"}""";
        var header = WebhookSignature.Sign(secret, Now.ToUnixTimeSeconds(), body);

        Assert.Matches("^t=\\d+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify(secret, header, body, Now.AddMinutes(1), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, header, body.Replace("submitted", "selected"), Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), header, body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, header, body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, header.Replace("t=", "t=1"), body, Now, TimeSpan.FromDays(100_000)));
        Assert.NotEqual(WebhookSignature.NewSecret(), secret);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("[::1]", true)]
    [InlineData("fd00::1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("hooks.example.com", false)]
    public void Loopback_private_and_link_local_addresses_are_not_targets(string host, bool refused) =>
        Assert.Equal(refused, WebhookTargets.IsPrivate(host));

    [Fact]
    public void Registration_wants_https_a_public_host_and_known_kinds_unless_insecure_targets_are_allowed()
    {
        var strict = new WebhookSettings();
        var dev = new WebhookSettings { AllowInsecureTargets = true };
        WebhookRequest Request(string url, params string[] kinds) => new(url, kinds);
        string[] Fields(Action act) => Assert.IsType<ValidationFailed>(Record.Exception(act)).Errors.Keys.ToArray();

        var ok = RegisterWebhookHandler.ToCommand(Request("https://hooks.example.com/cocreation", "idea.submitted", "idea.submitted"), "org", "brand", strict);
        Assert.Equal(["idea.submitted"], ok.Kinds);
        Assert.Equal(["url"], Fields(() => RegisterWebhookHandler.ToCommand(Request("http://hooks.example.com/x", "idea.submitted"), "org", "brand", strict)));
        Assert.Equal(["url"], Fields(() => RegisterWebhookHandler.ToCommand(Request("https://127.0.0.1/x", "idea.submitted"), "org", "brand", strict)));
        Assert.Equal(["url"], Fields(() => RegisterWebhookHandler.ToCommand(Request("https://a:b@hooks.example.com/x", "idea.submitted"), "org", "brand", strict)));
        Assert.Equal(["kinds"], Fields(() => RegisterWebhookHandler.ToCommand(Request("https://hooks.example.com/x", "idea.sold"), "org", "brand", strict)));
        Assert.Equal(["kinds"], Fields(() => RegisterWebhookHandler.ToCommand(Request("https://hooks.example.com/x"), "org", "brand", strict)));
        Assert.Equal("http://127.0.0.1:8080/x", RegisterWebhookHandler.ToCommand(Request("http://127.0.0.1:8080/x", "comment.posted"), "org", "brand", dev).Url);
    }

    [Fact]
    public void Retries_wait_the_configured_delays_then_stop()
    {
        var settings = new WebhookSettings { RetryDelaysSeconds = [1, 5] };
        Assert.Equal(TimeSpan.FromSeconds(1), settings.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DelayAfter(2));
        Assert.Null(settings.DelayAfter(3));
        Assert.Equal(WebhookSettings.DefaultRetryDelaysSeconds.Length, new WebhookSettings().Delays.Count);
    }

    [Fact]
    public void A_body_carries_its_delivery_id_kind_and_fact_and_names_whose_words_it_holds()
    {
        var idea = Guid.NewGuid();
        var campaign = Guid.NewGuid();
        var fact = WebhookPayloads.Of(new CommentPostedIntegrationEvent(Guid.NewGuid(), idea, campaign, "Nice winch", "ann", Now));
        Assert.Equal(["ann"], fact.Writers);
        var delivery = Guid.NewGuid();
        var body = JsonDocument.Parse(WebhookPayloads.Body(delivery, fact)).RootElement;
        Assert.Equal(delivery, body.GetProperty("id").GetGuid());
        Assert.Equal("comment.posted", body.GetProperty("kind").GetString());
        Assert.Equal(campaign, body.GetProperty("campaignId").GetGuid());
        Assert.Equal("Nice winch", body.GetProperty("data").GetProperty("text").GetString());

        var status = WebhookPayloads.Of(new IdeaStatusChangedIntegrationEvent(idea, campaign, "Selected", "Well done", "brand", Now));
        Assert.Empty(status.Writers);
        Assert.NotEqual(status.Cause, WebhookPayloads.Of(new IdeaStatusChangedIntegrationEvent(idea, campaign, "Selected", null, "brand", Now.AddSeconds(1))).Cause);

        var erased = JsonDocument.Parse(WebhookPayloads.Erased(new WebhookDeliveryQueued(delivery, Guid.NewGuid(), "org", fact.Kind, WebhookPayloads.Body(delivery, fact), fact.Writers, Now))).RootElement;
        Assert.True(erased.GetProperty("erased").GetBoolean());
        Assert.DoesNotContain("Nice winch", erased.GetRawText());
    }

    [Fact]
    public void A_replay_starts_a_new_series_and_a_late_answer_of_the_old_one_changes_nothing()
    {
        var id = Guid.NewGuid();
        var d = WebhookDeliveryProjection.Create(new WebhookDeliveryQueued(id, Guid.NewGuid(), "org", "idea.submitted", "{}", [], Now));
        d = WebhookDeliveryProjection.Apply(new WebhookDeliveryAttempted(id, 1, 1, 500, "The endpoint answered 500.", Now, Now.AddSeconds(10)), d);
        Assert.Equal((DeliveryStatuses.Pending, 1, 500), (d.Status, d.Attempts, d.LastStatusCode));
        d = WebhookDeliveryProjection.Apply(new WebhookDeliveryReplayed(id, 2, "brand", Now.AddSeconds(1)), d);
        d = WebhookDeliveryProjection.Apply(new WebhookDeliveryAbandoned(id, 1, 2, Now.AddSeconds(2)), d);
        Assert.Equal((DeliveryStatuses.Pending, 2, 0), (d.Status, d.Series, d.Attempts));
        d = WebhookDeliveryProjection.Apply(new WebhookDelivered(id, 2, 1, 204, Now.AddSeconds(3)), d);
        Assert.Equal((DeliveryStatuses.Delivered, 204), (d.Status, d.LastStatusCode));
    }
}
