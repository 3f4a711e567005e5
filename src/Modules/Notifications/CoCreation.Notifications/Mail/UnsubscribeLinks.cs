using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoCreation.Notifications.Mail;

/// <summary>
/// Every mail carries a link that stops e-mail for its member without signing in: the member id and an HMAC-SHA256 of it
/// under the settings' key, so nobody can unsubscribe someone else. Without a configured key the link cannot be made,
/// and the host refuses to send mail (see <see cref="NotificationMailer"/>).
/// </summary>
public sealed class UnsubscribeLinks(IOptions<MailSettings> settings)
{
    public string TokenFor(string memberId)
    {
        var key = Encoding.UTF8.GetBytes(settings.Value.UnsubscribeKey);
        if (key.Length < 16) throw new InvalidOperationException($"{MailSettings.Section}:UnsubscribeKey must be set (16 characters at least) to send mail.");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("unsubscribe\n" + memberId)));
    }

    public bool Verifies(string memberId, string? token)
    {
        if (string.IsNullOrEmpty(token) || Encoding.UTF8.GetByteCount(settings.Value.UnsubscribeKey) < 16) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenFor(memberId)), Encoding.ASCII.GetBytes(token));
    }

    public string LinkFor(string memberId) =>
        $"{settings.Value.PublicBaseUrl.TrimEnd('/')}/notifications/unsubscribe?member={Uri.EscapeDataString(memberId)}&token={TokenFor(memberId)}";
}
