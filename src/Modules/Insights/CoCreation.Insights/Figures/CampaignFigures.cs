using CoCreation.Insights.Contracts;

namespace CoCreation.Insights.Figures;

/// <summary>A campaign's whole report, from its inputs: a pure function, unit-tested without a database.</summary>
public static class CampaignFigures
{
    public static CampaignInsights Of(InsightInputs inputs, Period period) => new(
        inputs.Campaign.CampaignId, inputs.Campaign.Title, period.From, period.To,
        EngagementFigures.Of(inputs, period), EngagementFigures.Daily(inputs, period), EngagementFigures.Weekly(inputs, period),
        LoyaltyFigures.Of(inputs, period), FunnelFigures.Of(inputs, period), FunnelFigures.Exits(inputs, period),
        ModerationFigures.Of(inputs, period), ConcentrationFigures.Of(inputs, period), ImpactFigures.Of(inputs, period),
        ThemeFigures.Of(inputs, period));
}
