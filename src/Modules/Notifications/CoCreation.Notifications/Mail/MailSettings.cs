namespace CoCreation.Notifications.Mail;

/// <summary>
/// Settings section <c>Notifications:Mail</c>. Host empty: nothing is e-mailed (the feed still is). PublicBaseUrl makes
/// the links in a mail absolute; UnsubscribeKey signs the unsubscribe links (any long random string; the same on every node).
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Notifications:Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CoCreation <notifications@cocreation.localhost>";
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    public string UnsubscribeKey { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
