using CoCreation.Ideation.Campaigns;
using Microsoft.Extensions.Localization;

namespace CoCreation.Ideation.Ideas;

/// <summary>An idea's or a campaign's status as the pages say it, in the reader's language.</summary>
public static class IdeaStatusText
{
    public static string Of(IdeaStatus status, IStringLocalizer L) => status switch
    {
        IdeaStatus.Submitted => L["Submitted"],
        IdeaStatus.Published => L["Published"],
        IdeaStatus.Rejected => L["Rejected"],
        IdeaStatus.Hidden => L["Hidden"],
        IdeaStatus.Expired => L["Expired"],
        IdeaStatus.UnderReview => L["Under review"],
        IdeaStatus.Selected => L["Selected"],
        IdeaStatus.NotSelected => L["Not selected"],
        IdeaStatus.InProduction => L["In production"],
        IdeaStatus.Launched => L["Launched"],
        IdeaStatus.Withdrawn => L["Withdrawn"],
        IdeaStatus.Merged => L["Merged"],
        _ => status.ToString()
    };

    public static string Of(CampaignStatus status, IStringLocalizer L) => status switch
    {
        CampaignStatus.Draft => L["Draft"],
        CampaignStatus.Open => L["Open"],
        CampaignStatus.Closed => L["Closed"],
        _ => status.ToString()
    };
}
