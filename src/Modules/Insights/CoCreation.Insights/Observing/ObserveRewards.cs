using CoCreation.Rewards.Contracts;
using Marten;
using Wolverine.Attributes;

namespace CoCreation.Insights.Observing;

/// <summary>Notes Rewards' facts: points granted and money credited (prizes, royalties).</summary>
[StickyHandler(InsightsModule.Queue)]
public static class ObserveRewardsHandler
{
    public static void Handle(PointsGrantedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId), new PointsNoted(m.CampaignId, m.MemberId, m.Points, m.GrantedAt));

    public static void Handle(MoneyCreditedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId),
            new MoneyNoted(m.CampaignId, m.IdeaId, m.MemberId, m.Kind, m.Amount, m.Currency, m.CreditedAt));

    public static void Handle(DonationAccruedIntegrationEvent m, IDocumentSession session) =>
        session.Events.Append(InsightStreams.Campaign(m.CampaignId), new DonationNoted(m.CampaignId, m.Amount, m.Currency, m.At));
}
