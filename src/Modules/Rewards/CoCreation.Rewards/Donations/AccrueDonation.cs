using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Campaigns;
using CoCreation.Rewards.Contracts;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Rewards.Donations;

/// <summary>
/// Accrues a campaign's pledge: per distinct member who cast a support vote in the campaign, or per selected idea.
/// A retraction does not take the accrual back, and a merge's moved or restored votes are not casts: nobody counts twice
/// (docs/adr/0035). Redelivery decides nothing new: the stream keeps the sources it counted.
/// </summary>
public static class DonationVotesHandler
{
    public static async Task<OutgoingMessages> Handle(VotesRecordedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var supporters = message.Votes.Where(v => v.Action == VoteActions.Cast).Select(v => (v.Voter, v.At)).ToList();
        if (supporters.Count == 0) return [];
        return await DonationAccruals.Accrue(session, message.CampaignId, DonationAccrual.Supporter, supporters, token);
    }
}

public static class DonationSelectionHandler
{
    public static Task<OutgoingMessages> Handle(IdeaSelectedIntegrationEvent message, IDocumentSession session, CancellationToken token) =>
        DonationAccruals.Accrue(session, message.CampaignId, DonationAccrual.Idea, [(message.IdeaId.ToString(), message.SelectedAt)], token);
}

public static class DonationAccruals
{
    public static async Task<OutgoingMessages> Accrue(IDocumentSession session, Guid campaignId, string reason,
        IReadOnlyList<(string Source, DateTimeOffset At)> sources, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(campaignId), token) is null)
            throw new FactNotYetKnown($"Reward rules of campaign {campaignId} are not known yet; the message will be retried.");
        var stream = await session.Events.FetchForWriting<CampaignDonation>(CampaignDonation.StreamIdFor(campaignId), token);
        if (stream.Aggregate is not { } donation) return outgoing;
        foreach (var (source, at) in sources)
        {
            var events = DonationAccrual.Decide(donation, reason, source, at);
            if (events.Count == 0) continue;
            stream.AppendMany(events);
            foreach (var e in events) donation = donation.Fold(e);
            var accrued = events.OfType<DonationAccrued>().Single();
            outgoing.Add(new DonationAccruedIntegrationEvent(campaignId, donation.Pledge.Cause, accrued.Amount, donation.Raised, donation.Pledge.Currency,
                donation.CapReached, at));
        }
        return outgoing;
    }
}
