using Microsoft.Extensions.Localization;

namespace CoCreation.Host.Audit.Replay;

/// <summary>An idea's status (Ideation.Contracts' names) in the reader's words on the replay page.</summary>
public static class ReplayStatusText
{
    public static string Of(string status, IStringLocalizer L) => status switch
    {
        "Submitted" => L["Submitted"],
        "Published" => L["Published"],
        "Rejected" => L["Rejected"],
        "Hidden" => L["Hidden"],
        "Expired" => L["Expired"],
        "UnderReview" => L["Under review"],
        "Selected" => L["Selected"],
        "NotSelected" => L["Not selected"],
        "InProduction" => L["In production"],
        "Launched" => L["Launched"],
        "Withdrawn" => L["Withdrawn"],
        _ => status
    };
}
