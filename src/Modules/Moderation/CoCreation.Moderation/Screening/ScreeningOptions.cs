namespace CoCreation.Moderation.Screening;

/// <summary>The screening thresholds, from configuration section <c>CoCreation:Moderation:Screening</c>.</summary>
public sealed class ScreeningOptions
{
    public const string Section = "CoCreation:Moderation:Screening";

    /// <summary>The platform's banned terms; each campaign adds its own. Matched as whole words, ignoring case and accents.</summary>
    public List<string> BannedTerms { get; set; } = ["scam", "casino", "viagra", "crypto giveaway", "idiot", "moron"];

    /// <summary>More links than this in one text is link spam.</summary>
    public int MaxLinks { get; set; } = 3;

    /// <summary>Links to these hosts (or their subdomains) are spam.</summary>
    public List<string> BlockedHosts { get; set; } = ["spam.example", "cheap-bricks.example", "casino.example"];

    /// <summary>Word-shingle Jaccard similarity from which an idea is a near-duplicate of another in its campaign.</summary>
    public double DuplicateThreshold { get; set; } = 0.6;

    /// <summary>Words per shingle for the near-duplicate similarity.</summary>
    public int ShingleSize { get; set; } = 3;

    /// <summary>Reject clear-cut spam (a blocked host, or more than twice <see cref="MaxLinks"/> links) without waiting for a moderator.</summary>
    public bool AutoRejectSpam { get; set; } = true;
}
