using CoCreation.Moderation.Contracts;
using CoCreation.Voting.Ballots.Recording;
using CoCreation.Voting.Campaigns;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Discounting;

/// <summary>Takes every standing vote of a banned member in one campaign out of the tallies; run by that campaign's writer.</summary>
public sealed record DiscountVoter(string Voter, string Reason);

/// <summary>Durable order to discount a banned member's votes in one campaign.</summary>
public sealed record DiscountBannedVoter(Guid CampaignId, string Voter, string Reason);

public static class DiscountVotesHandler
{
    /// <summary>The discounts of a member's standing votes on the given ballots; a vote already gone (retracted, discounted) is skipped.</summary>
    public static VoteDiscounted? Decide(Ballot ballot, VoterCard card, DiscountVoter command, DateTimeOffset now) =>
        card.On(ballot.IdeaId) is { } vote
            ? new VoteDiscounted(ballot.Id, ballot.IdeaId, ballot.CampaignId, vote.VoteId, command.Voter, vote.Score, command.Reason, now)
            : null;

    /// <summary>
    /// Records the ban and, in the same transaction, one durable discount order per campaign Voting knows. The
    /// writers refuse the member's votes from the commit on; each order reaches its campaign's writer after any
    /// group that read the member as not banned, so no vote slips between the ban and the discount. A crash
    /// midway leaves orders to be redelivered; a redelivered order finds nothing left to discount.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(MemberBannedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var banId = VoterBan.IdFor(message.MemberId);
        if (await session.Events.FetchStreamStateAsync(banId, token) is not null) return [];
        session.Events.StartStream<VoterBan>(banId, new VoterBanned(banId, message.MemberId, message.Reason, message.BannedBy, message.BannedAt));
        var campaigns = await session.Query<CampaignVotingRules>().Select(r => r.CampaignId).ToListAsync(token);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(campaigns.Select(c => new DiscountBannedVoter(c, message.MemberId, $"banned: {message.Reason}")));
        return outgoing;
    }

    public static async Task Handle(DiscountBannedVoter message, VoteWriter writer, Envelope envelope, CancellationToken token) =>
        await writer.RecordIn(message.CampaignId, new DiscountVoter(message.Voter, message.Reason), message.Voter, EventOrigin.Of(envelope), token);
}
