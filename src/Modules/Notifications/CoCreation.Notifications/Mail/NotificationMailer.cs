using CoCreation.Notifications.Feed;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoCreation.Notifications.Mail;

/// <summary>Writes a notification's mail (plain text, the link, the unsubscribe link and header) and hands it to the SMTP server with MailKit.</summary>
public sealed class NotificationMailer(IOptions<MailSettings> options, UnsubscribeLinks unsubscribe)
{
    public MimeMessage Compose(string to, NotificationView notification, string text, IStringLocalizer L)
    {
        var settings = options.Value;
        var unsubscribeLink = unsubscribe.LinkFor(notification.MemberId);
        var link = settings.PublicBaseUrl.TrimEnd('/') + NotificationText.LinkOf(notification);
        var message = new MimeMessage { Subject = "CoCreation: " + text };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        // The notification's id: a mail sent twice (a crash between the send and its record) is one mail to clients that de-duplicate.
        message.MessageId = $"{notification.Id:N}@cocreation";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink}>");
        message.Body = new TextPart("plain")
        {
            Text = $"{text}\n\n{link}\n\n{L["You receive this because you asked for these notifications by e-mail. Stop them: {0}", unsubscribeLink]}\n"
        };
        return message;
    }

    /// <summary>A digest: one line and link per notification, the unsubscribe link once.</summary>
    public MimeMessage ComposeDigest(string to, Digests.NotificationDigest digest, IReadOnlyList<(NotificationView Notification, string Text)> lines, IStringLocalizer L)
    {
        var settings = options.Value;
        var unsubscribeLink = unsubscribe.LinkFor(digest.MemberId);
        var subject = digest.Delivery == Contracts.Deliveries.Weekly ? L["CoCreation: your week ({0}), {1} notifications", digest.Period, lines.Count]
            : L["CoCreation: your day ({0}), {1} notifications", digest.Period, lines.Count];
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = $"{digest.Id:N}@cocreation";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink}>");
        var body = string.Join("\n\n", lines.Select(l => $"- {l.Text}\n  {settings.PublicBaseUrl.TrimEnd('/')}{NotificationText.LinkOf(l.Notification)}"));
        message.Body = new TextPart("plain")
        {
            Text = $"{body}\n\n{L["You receive this because you asked for these notifications by e-mail. Stop them: {0}", unsubscribeLink]}\n"
        };
        return message;
    }

    public Task Send(string to, NotificationView notification, string text, IStringLocalizer L, CancellationToken token) =>
        Deliver(Compose(to, notification, text, L), token);

    public Task SendDigest(string to, Digests.NotificationDigest digest, IReadOnlyList<(NotificationView Notification, string Text)> lines, IStringLocalizer L, CancellationToken token) =>
        Deliver(ComposeDigest(to, digest, lines, L), token);

    private async Task Deliver(MimeMessage message, CancellationToken token)
    {
        var settings = options.Value;
        if (!settings.Enabled) throw new InvalidOperationException($"{MailSettings.Section}:Host is not set: no mail can be sent.");
        using var client = new SmtpClient();
        client.Timeout = 15_000;
        await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), token);
        if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", token);
        await client.SendAsync(message, token);
        await client.DisconnectAsync(true, token);
    }
}
