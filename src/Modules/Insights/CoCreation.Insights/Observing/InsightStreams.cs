using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.Insights.Observing;

/// <summary>Insights' own streams: one per campaign and one per idea, with ids derived from the other modules' ids.</summary>
public static class InsightStreams
{
    public static Guid Campaign(Guid campaignId) => StreamIds.Derive("insights-campaign", campaignId);

    public static Guid Idea(Guid ideaId) => StreamIds.Derive("insights-idea", ideaId);
}
