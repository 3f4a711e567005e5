using System.Text.RegularExpressions;
using CoCreation.Moderation.Queue;

namespace CoCreation.Moderation.Screening;

/// <summary>An idea already in the campaign, to compare a new text with.</summary>
public sealed record DuplicateCandidate(Guid IdeaId, string Text, DateTimeOffset RecordedAt);

/// <summary>What screening found, and whether it is spam clear-cut enough to reject without a moderator.</summary>
public sealed record ScreeningResult(IReadOnlyList<ScreeningFinding> Findings, bool ClearCutSpam);

/// <summary>Automated screening as pure functions: banned terms, link spam, near-duplicates.</summary>
public static partial class Screener
{
    public static ScreeningResult Screen(string text, IEnumerable<string> campaignTerms, IEnumerable<DuplicateCandidate> candidates, ScreeningOptions options)
    {
        var findings = new List<ScreeningFinding>();
        findings.AddRange(BannedTerms(text, options.BannedTerms.Concat(campaignTerms)));
        var (links, blocked) = Links(text, options.BlockedHosts);
        if (links.Count > options.MaxLinks)
            findings.Add(new ScreeningFinding("link-spam", $"{links.Count} links (more than {options.MaxLinks})."));
        foreach (var host in blocked.Distinct())
            findings.Add(new ScreeningFinding("blocked-host", $"Links to {host}, a blocked host."));
        if (NearestDuplicate(text, candidates, options) is { } duplicate)
            findings.Add(duplicate);
        var clearCut = options.AutoRejectSpam && (blocked.Count > 0 || links.Count > 2 * options.MaxLinks);
        return new ScreeningResult(findings, clearCut);
    }

    /// <summary>Each banned term found as whole words (a term may be several words), case- and accent-insensitively.</summary>
    public static IEnumerable<ScreeningFinding> BannedTerms(string text, IEnumerable<string> terms)
    {
        var words = TextNormalizer.Words(text);
        foreach (var term in terms.Select(t => (Original: t, Words: TextNormalizer.Words(t))).Where(t => t.Words.Count > 0)
                     .DistinctBy(t => string.Join(' ', t.Words)))
        {
            for (var i = 0; i + term.Words.Count <= words.Count; i++)
            {
                if (!term.Words.Select((w, k) => words[i + k] == w).All(match => match)) continue;
                yield return new ScreeningFinding("banned-term", $"Contains the banned term \"{term.Original}\".");
                break;
            }
        }
    }

    public static (IReadOnlyList<Uri> Links, IReadOnlyList<string> BlockedHosts) Links(string text, IEnumerable<string> blockedHosts)
    {
        var links = LinkPattern().Matches(text)
            .Select(m => Uri.TryCreate(m.Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "http://" + m.Value : m.Value, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>().ToList();
        var blocked = blockedHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList();
        var hits = links.Select(l => l.Host.ToLowerInvariant())
            .Where(host => blocked.Any(b => host == b || host.EndsWith("." + b, StringComparison.Ordinal))).ToList();
        return (links, hits);
    }

    /// <summary>The most similar earlier idea at or above the threshold (word-shingle Jaccard), if any.</summary>
    public static ScreeningFinding? NearestDuplicate(string text, IEnumerable<DuplicateCandidate> candidates, ScreeningOptions options)
    {
        var shingles = Shingles(text, options.ShingleSize);
        if (shingles.Count == 0) return null;
        var best = candidates
            .Select(c => (Candidate: c, Score: Jaccard(shingles, Shingles(c.Text, options.ShingleSize))))
            .Where(x => x.Score >= options.DuplicateThreshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.RecordedAt)
            .FirstOrDefault();
        return best.Candidate is null ? null
            : new ScreeningFinding("near-duplicate", $"{best.Score:P0} similar to idea {best.Candidate.IdeaId}.", best.Candidate.IdeaId, Math.Round(best.Score, 3));
    }

    /// <summary>The set of consecutive word groups of the given size (the words themselves when the text is shorter).</summary>
    public static HashSet<string> Shingles(string text, int size)
    {
        var words = TextNormalizer.Words(text);
        if (words.Count < size) return words.Count == 0 ? [] : [string.Join(' ', words)];
        var set = new HashSet<string>();
        for (var i = 0; i + size <= words.Count; i++) set.Add(string.Join(' ', words.Skip(i).Take(size)));
        return set;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""')\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
