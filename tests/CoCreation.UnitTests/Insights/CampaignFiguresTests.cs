using CoCreation.Insights.Figures;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

public class CampaignFiguresTests
{
    [Fact]
    public void A_campaign_s_report_names_it_and_its_period_and_holds_each_family_of_figures()
    {
        var s = new InsightsScenario();
        s.On("alice", Day(11, 2)).Ideas = 1;
        s.On("bob", Day(11, 3)).VotesCast = 1;
        s.Idea("Published", "Solar bus shelters", "Panels on shelters", ["energy"], 1, ("Submitted", At(11, 2)), ("Published", At(11, 3)));
        s.Flag(At(11, 3));
        var period = Between(11, 1, 11, 30);

        var report = CampaignFigures.Of(s.Inputs, period);

        Assert.Equal((CampaignId, "Greener streets", (DateOnly?)Day(11, 1), (DateOnly?)Day(11, 30)), (report.CampaignId, report.Title, report.From, report.To));
        Assert.Equal(EngagementFigures.Of(s.Inputs, period), report.Engagement);
        Assert.Equal(2, report.Engagement.ActiveMembers);
        Assert.Equal(["2026-11-02", "2026-11-03"], report.Daily.Select(p => p.Period));
        Assert.Equal(["2026-W45"], report.Weekly.Select(p => p.Period));
        Assert.Equal(FunnelFigures.Of(s.Inputs, period), report.Funnel);
        Assert.Equal((0, 0, 0, 0), (report.Exits.Expired, report.Exits.Rejected, report.Exits.NotSelected, report.Exits.Withdrawn));
        Assert.Equal(2, report.Loyalty.ActiveMembers);
        Assert.Equal((1, 100.0), (report.Moderation.Flags, report.Moderation.FlagsPer100Ideas!.Value));
        Assert.Equal(ConcentrationFigures.Of(s.Inputs, period), report.Concentration);
        Assert.Equal((1, 1), (report.Impact.SupportersReached, report.Impact.Support));
        Assert.Equal("energy", Assert.Single(report.Themes.Tags).Term);
    }
}
