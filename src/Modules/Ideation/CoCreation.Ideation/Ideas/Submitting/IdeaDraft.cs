namespace CoCreation.Ideation.Ideas.Submitting;

/// <summary>
/// What a member typed in the idea form, carried back to it in the address after a refusal so nothing is retyped.
/// A draft too long for an address is carried without its description, then without anything.
/// </summary>
public sealed record IdeaDraft(string? Title, string? Description, string? Tags)
{
    public const int MaxAddressLength = 2000;

    public static List<string> TagsOf(string? text) =>
        (text ?? "").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

    public IdeaRequest ToRequest() => new(Title, Description, TagsOf(Tags));

    /// <summary>The form's address with this draft and the given extra query pairs (field errors, a refusal).</summary>
    public string FormAddress(Guid campaignId, IEnumerable<KeyValuePair<string, string>> extra) =>
        Address($"/campaigns/{campaignId}/ideas/new", extra);

    /// <summary>A form's address (the idea form, the edit form) with this draft and the given extra query pairs.</summary>
    public string Address(string path, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var pairs = extra.ToList();
        var whole = path + Query(Pairs().Concat(pairs));
        if (whole.Length <= MaxAddressLength) return whole;
        var shorter = path + Query((this with { Description = null }).Pairs().Concat(pairs).Append(new("dropped", "description")));
        return shorter.Length <= MaxAddressLength ? shorter : path + Query(pairs.Append(new("dropped", "all")));
    }

    private IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        if (!string.IsNullOrEmpty(Title)) yield return new("title", Title);
        if (!string.IsNullOrEmpty(Description)) yield return new("description", Description);
        if (!string.IsNullOrEmpty(Tags)) yield return new("tags", Tags);
    }

    private static string Query(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var query = string.Join("&", pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return query.Length == 0 ? "" : "?" + query;
    }
}
