using CoCreation.Moderation.Contracts;
using CoCreation.Voting.Ballots.Recording;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Discounting;

/// <summary>Takes a banned member's standing vote on one idea out of the tally.</summary>
public sealed record DiscountVote(Guid IdeaId, string Voter, string Reason);

public static class DiscountVotesHandler
{
    /// <summary>Null when the member holds no vote on this idea (already retracted, or discounted by a redelivery).</summary>
    public static VoteDiscounted? Decide(Ballot ballot, VoterCard card, DiscountVote command, DateTimeOffset now) =>
        card.On(ballot.IdeaId) is { } vote
            ? new VoteDiscounted(ballot.Id, ballot.IdeaId, ballot.CampaignId, vote.VoteId, command.Voter, vote.Score, command.Reason, now)
            : null;

    /// <summary>
    /// Records the ban first (so the writer refuses the member's new votes), then discounts every vote they hold,
    /// through each campaign's writer like any other vote change. A redelivery finds nothing left to discount.
    /// </summary>
    public static async Task Handle(MemberBannedIntegrationEvent message, IDocumentSession session, VoteWriter writer, Envelope envelope, CancellationToken token)
    {
        var banId = VoterBan.IdFor(message.MemberId);
        if (await session.Events.FetchStreamStateAsync(banId, token) is null)
        {
            session.Events.StartStream<VoterBan>(banId, new VoterBanned(banId, message.MemberId, message.Reason, message.BannedBy, message.BannedAt));
            await session.SaveChangesAsync(token);
        }
        var cards = await session.Query<VoterCard>().Where(c => c.Voter == message.MemberId).ToListAsync(token);
        var origin = EventOrigin.Of(envelope);
        foreach (var ideaId in cards.SelectMany(c => c.Votes.Keys))
            await writer.Record(new DiscountVote(ideaId, message.MemberId, $"banned: {message.Reason}"), ideaId, message.MemberId, origin, token);
    }
}
