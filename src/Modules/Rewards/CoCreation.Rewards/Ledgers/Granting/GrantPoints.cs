using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Campaigns;
using CoCreation.Rewards.Contracts;
using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Rewards.Ledgers.Granting;

public static class GrantPointsHandler
{
    public static PointsGranted? Decide(Ledger? ledger, string memberId, Guid campaignId, int points, string reason, string causeId, DateTimeOffset now) =>
        points == 0 || ledger?.Holds(causeId) == true
            ? null
            : new PointsGranted(Ledger.StreamIdFor(memberId), memberId, campaignId, points, reason, causeId, now);

    public static async Task<OutgoingMessages> Handle(IdeaPublishedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        await GrantToAuthors(session, message.Authors, message.CampaignId, rules => rules.PointsForPublishedIdea, "idea-published", message.IdeaId, clock, token);

    public static async Task<OutgoingMessages> Handle(IdeaSelectedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        await GrantToAuthors(session, message.Authors, message.CampaignId, rules => rules.PointsForSelection, "idea-selected", message.IdeaId, clock, token);

    private static async Task<OutgoingMessages> GrantToAuthors(IDocumentSession session, IReadOnlyList<string> authors, Guid campaignId,
        Func<RewardRules, int> points, string reason, Guid ideaId, TimeProvider clock, CancellationToken token)
    {
        var rules = await RulesFor(session, campaignId, token);
        var outgoing = new OutgoingMessages();
        foreach (var author in authors)
            await Grant(session, outgoing, author, campaignId, points(rules), reason, $"{reason}:{ideaId}", clock.GetUtcNow(), token);
        return outgoing;
    }

    public static async Task<OutgoingMessages> Handle(VoteCastIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var rules = await RulesFor(session, message.CampaignId, token);
        var outgoing = new OutgoingMessages();
        await Grant(session, outgoing, message.Voter, message.CampaignId, rules.PointsForVote, "vote-cast",
            $"vote-cast:{message.VoteId}", clock.GetUtcNow(), token);
        return outgoing;
    }

    private static async Task<RewardRules> RulesFor(IDocumentSession session, Guid campaignId, CancellationToken token) =>
        (await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(campaignId), token))?.Rules
        ?? throw new FactNotYetKnown($"Reward rules of campaign {campaignId} are not known yet; the message will be retried.");

    private static async Task Grant(IDocumentSession session, OutgoingMessages outgoing, string memberId, Guid campaignId, int points,
        string reason, string causeId, DateTimeOffset now, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ledger>(Ledger.StreamIdFor(memberId), token);
        if (Decide(stream.Aggregate, memberId, campaignId, points, reason, causeId, now) is not { } granted) return;
        stream.AppendOne(granted);
        outgoing.Add(new PointsGrantedIntegrationEvent(memberId, campaignId, points, reason, causeId, now));
    }
}
