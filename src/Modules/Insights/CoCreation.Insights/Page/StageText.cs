using Microsoft.Extensions.Localization;

namespace CoCreation.Insights.Page;

/// <summary>A funnel stage's name in the reader's language ("Milestone2" reads "Milestone 2").</summary>
public static class StageText
{
    public static string Of(string stage, IStringLocalizer<InsightsText> L) => stage switch
    {
        "Submitted" => L["Submitted"],
        "Published" => L["Published"],
        "UnderReview" => L["Under review"],
        "Selected" => L["Selected"],
        "InProduction" => L["In production"],
        "Launched" => L["Launched"],
        _ when stage.StartsWith("Milestone", StringComparison.Ordinal) => L["Milestone {0}", stage["Milestone".Length..]],
        _ => stage
    };
}
