namespace CoCreation.EndToEndTests.Fuzz;

/// <summary>
/// Real ids made through the API before fuzzing, so that valid-looking requests reach their handlers, and the values a
/// valid request would carry in each field. Member ids the fuzzer may ban, invite or erase belong to nobody else.
/// The ideas: IdeaId published, RejectedIdeaId rejected (its item appealable), SelectedIdeaId selected, ReviewIdeaId under
/// review; PendingItemId waits in the moderation queue.
/// </summary>
public sealed record FuzzWorld(string AgreementVersion, string OwnerId, string FuzzMember, Guid CampaignId, Guid IdeaId,
    Guid PendingItemId, Guid RejectedIdeaId, Guid RejectedItemId, Guid SelectedIdeaId, Guid ReviewIdeaId, Guid CommentId, Guid DisputeId)
{
    /// <summary>The id an operation acts on, chosen so that the operation can succeed: each needs its subject in a given state.</summary>
    public string PathValue(ApiOperation operation, string parameter) => (operation.Method, operation.Template, parameter) switch
    {
        (_, _, "version") => AgreementVersion,
        (_, var t, "userId") when t.EndsWith("/personal-data") => FuzzMember,
        (_, _, "userId") => OwnerId,
        ("PUT", "/api/ideas/{id}", _) => RejectedIdeaId.ToString(),
        (_, "/api/ideas/{id}/decision", _) => ReviewIdeaId.ToString(),
        (_, "/api/ideas/{id}/sales" or "/api/ideas/{id}/updates", _) => SelectedIdeaId.ToString(),
        (_, "/api/moderation/items/{id}/appeal", _) => RejectedItemId.ToString(),
        (_, var t, _) when t.StartsWith("/api/moderation/items/") => PendingItemId.ToString(),
        (_, var t, _) when t.StartsWith("/api/campaigns/") => CampaignId.ToString(),
        (_, var t, _) when t.StartsWith("/api/ideas/") => IdeaId.ToString(),
        (_, var t, _) when t.StartsWith("/api/comments/") => CommentId.ToString(),
        (_, var t, _) when t.StartsWith("/api/ip/disputes/") => DisputeId.ToString(),
        _ => Guid.Empty.ToString()
    };

    public string QueryValue(string parameter, ApiSchema schema) => parameter switch
    {
        "status" => "Published",
        "sort" => "newest",
        "page" => "1",
        "pageSize" => "20",
        "after" => "0",
        "limit" => "10",
        "at" => "2030-01-01T00:00:00Z",
        "subjectId" => IdeaId.ToString(),
        _ => schema.Kind switch { SchemaKind.Integer or SchemaKind.Number => "1", SchemaKind.Enum => schema.Values![0], _ => "fuzz" }
    };

    /// <summary>
    /// A valid string for a field, by its name and, for array items and nested objects, its parent's name. A member id
    /// outside an ownership split names a new fuzz-only member each time (serial), so bans and invitations start afresh.
    /// </summary>
    public string StringFor(string name, string parent, int serial) => (name, parent) switch
    {
        ("userId", "shares") => OwnerId,
        ("userId", _) => $"{FuzzMember}-{serial}",
        ("version", _) => AgreementVersion,
        ("title", _) => "Harbour crane with a swinging hook",
        ("brief", _) => "Sets about harbours and the machines that work in them.",
        ("description", _) => "A crane on rails that lifts containers from ships onto trucks.",
        ("text", _) => "Contributors grant the brand a licence to their ideas.",
        ("mode", _) => "support",
        ("currency", _) => "EUR",
        ("period", _) => "2025-Q1",
        ("reasonCode", _) => "spam",
        ("outcome", _) => "Dismissed",
        ("name", _) => "Fuzz Member",
        ("roles", _) => "participant",
        ("tags", _) => "cranes",
        ("bannedTerms", _) => "fuzzbanned",
        _ => $"A {name} written by the fuzz test"
    };

    /// <summary>Null where the operation's default is the valid choice (a support vote carries no score).</summary>
    public double? NumberFor(string name) => name switch
    {
        "score" => null,
        "supporters" => 100,
        "withinDays" => 60,
        "flagsToHide" => 3,
        "budgetPerMember" => 5,
        "percent" => 100,
        "netSales" => 1000,
        "amount" => 500,
        "royaltyPercent" => 5,
        "days" or "hours" => 0,
        _ when name.StartsWith("pointsFor") => 10,
        _ => 1
    };

    public string EnumFor(string name, IReadOnlyList<string> values) => name switch
    {
        "status" when values.Contains("InProduction") => "InProduction",
        _ => values[0]
    };
}
