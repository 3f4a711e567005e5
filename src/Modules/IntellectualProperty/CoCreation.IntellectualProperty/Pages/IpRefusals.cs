namespace CoCreation.IntellectualProperty.Pages;

/// <summary>
/// What IntellectualProperty's pages say when a command is refused, by the rule the API's problem names; the last ones
/// are page-only rules (a form's invalid fields, or a rule whose sentence depends on the form it came from).
/// </summary>
public static class IpRefusals
{
    public const string Module = "IntellectualProperty";
    public const string SharesInvalid = "ip-shares-invalid";
    public const string DisputeInvalid = "ip-dispute-invalid";
    public const string OutcomeMissing = "ip-outcome-missing";
    public const string ResolvingOwnIdea = "ip-resolving-own-idea";

    public static readonly IReadOnlyDictionary<string, string> Sentences = new Dictionary<string, string>
    {
        ["agreement-not-current"] = "A newer version of the agreement was published while you were reading: read it and accept that one.",
        ["agreement-version-exists"] = "That version was already published, and published versions never change: give the new text a new version.",
        ["own-idea"] = "You contributed to this idea: you cannot dispute it.",
        ["own-dispute"] = "You opened this dispute: another member of legal must resolve it.",
        ["dispute-resolved"] = "This dispute was already resolved.",
        ["no-pending-split"] = "There is no ownership split awaiting confirmation.",
        ["already-confirmed"] = "You already confirmed this split.",
        ["not-listed"] = "You are not listed in the proposed split.",
        ["not-an-author"] = "Only the idea's authors and co-authors propose its ownership split.",
        ["not-a-contributor"] = "Shares go to the idea's contributors only.",
        ["not-found"] = "That is no longer there, or it is not yours to see.",
        [SharesInvalid] = "The shares must add up to exactly 100, each above 0 with at most two decimals.",
        [DisputeInvalid] = "Say what you claim and give your evidence (a claim of at most 2,000 characters, evidence of at most 10,000).",
        [OutcomeMissing] = "Choose Upheld or Dismissed to resolve the dispute.",
        [ResolvingOwnIdea] = "You contributed to this idea: another member of legal must resolve this dispute."
    };
}
