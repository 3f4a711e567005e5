using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Insights.Observing;

namespace CoCreation.Insights;

/// <summary>Insights keeps the words of ideas for the themes: erasing their author masks them here too (docs/adr/0014).</summary>
public static class InsightsPersonalData
{
    public static IPersonalData Declaration { get; } = PersonalData.Declare(
        PersonalData.Of<IdeaSubmissionNoted>(e => e.SubmittedBy, e => e with { Title = Erased.Text, Description = Erased.Text, Tags = [] }));
}
