namespace CoCreation.Notifications.Webhooks;

/// <summary>
/// Settings section <c>Notifications:Webhooks</c>. RetryDelaysSeconds: the waits between attempts (their count plus one
/// is the attempts of a series). AllowInsecureTargets lets endpoints be plain http and private or loopback addresses
/// (a development machine's listener); production keeps it off, so brands cannot aim the platform at its own network.
/// </summary>
public sealed class WebhookSettings
{
    public const string Section = "Notifications:Webhooks";

    public static readonly int[] DefaultRetryDelaysSeconds = [10, 60, 300, 1800, 7200, 21600];

    /// <summary>Empty: the defaults. (Not initialised with them: the configuration binder appends to an array it finds.)</summary>
    public int[] RetryDelaysSeconds { get; set; } = [];
    public int TimeoutSeconds { get; set; } = 10;
    public bool AllowInsecureTargets { get; set; }
    public int MaxEndpointsPerOrganisation { get; set; } = 10;

    public IReadOnlyList<int> Delays => RetryDelaysSeconds.Length > 0 ? RetryDelaysSeconds : DefaultRetryDelaysSeconds;

    public TimeSpan? DelayAfter(int attempt) =>
        attempt >= 1 && attempt <= Delays.Count ? TimeSpan.FromSeconds(Delays[attempt - 1]) : null;
}
