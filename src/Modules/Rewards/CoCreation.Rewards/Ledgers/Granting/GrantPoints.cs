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

    /// <summary>A cast earns the voter the campaign's points for a vote; a retraction or discount takes exactly that grant back.</summary>
    public static async Task<OutgoingMessages> Handle(VotesRecordedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var rules = await RulesFor(session, message.CampaignId, token);
        var outgoing = new OutgoingMessages();
        var now = clock.GetUtcNow();
        // Every voter's ledger in one round trip, fetched once: a group may hold several changes by the same member.
        var batch = session.CreateBatchQuery();
        var fetches = message.Votes.Select(v => v.Voter).Distinct()
            .ToDictionary(voter => voter, voter => batch.Events.FetchForWriting<Ledger>(Ledger.StreamIdFor(voter)));
        await batch.Execute(token);
        foreach (var byVoter in message.Votes.GroupBy(v => v.Voter))
        {
            var stream = await fetches[byVoter.Key];
            var ledger = stream.Aggregate;
            foreach (var vote in byVoter)
            {
                var granted = vote.Action switch
                {
                    VoteActions.Cast => Decide(ledger, vote.Voter, message.CampaignId, rules.PointsForVote, "vote-cast", $"vote-cast:{vote.VoteId}", now),
                    // A vote a merge moves (or moves back) still counts: its points stay.
                    VoteActions.Moved => null,
                    VoteActions.Restored when vote.From is not null => null,
                    VoteActions.Released or VoteActions.Restored => MergeChange(ledger, vote, message.CampaignId, now),
                    _ => ReverseVote(ledger, vote, message.CampaignId, now)
                };
                if (granted is null) continue;
                ledger = LedgerStreams.Append(stream, ledger, granted);
                outgoing.Add(new PointsGrantedIntegrationEvent(granted.MemberId, granted.CampaignId, granted.Points, granted.Reason, granted.CauseId, now));
            }
        }
        return outgoing;
    }

    public static async Task<OutgoingMessages> Handle(MilestoneReachedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        await GrantToAuthors(session, message.Authors, message.CampaignId, rules => rules.PointsForMilestone, $"milestone-{message.MilestoneIndex + 1}", message.IdeaId, clock, token);

    /// <summary>Takes back the points a cast earned, once, and only if it earned any.</summary>
    public static PointsGranted? ReverseVote(Ledger? ledger, VoteRecorded vote, Guid campaignId, DateTimeOffset now)
    {
        var cast = ledger?.Entries.FirstOrDefault(e => e.CauseId == $"vote-cast:{vote.VoteId}");
        return cast is null ? null : Decide(ledger, vote.Voter, campaignId, -cast.Points, $"vote-{vote.Action.ToLowerInvariant()}", $"vote-reversed:{vote.VoteId}", now);
    }

    /// <summary>
    /// A merge released the vote (its voter counted once): the cast's points are taken back; undoing the merge gives
    /// them again. Each once per merge, whatever order the two arrive in.
    /// </summary>
    public static PointsGranted? MergeChange(Ledger? ledger, VoteRecorded vote, Guid campaignId, DateTimeOffset now)
    {
        var cast = ledger?.Entries.FirstOrDefault(e => e.CauseId == $"vote-cast:{vote.VoteId}");
        if (cast is null) return null;
        return vote.Action == VoteActions.Released
            ? Decide(ledger, vote.Voter, campaignId, -cast.Points, "vote-released", $"vote-released:{vote.VoteId}:{vote.MergeId}", now)
            : Decide(ledger, vote.Voter, campaignId, cast.Points, "vote-restored", $"vote-restored:{vote.VoteId}:{vote.MergeId}", now);
    }

    private static async Task<RewardRules> RulesFor(IDocumentSession session, Guid campaignId, CancellationToken token) =>
        (await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(campaignId), token))?.Rules
        ?? throw new FactNotYetKnown($"Reward rules of campaign {campaignId} are not known yet; the message will be retried.");

    private static async Task Grant(IDocumentSession session, OutgoingMessages outgoing, string memberId, Guid campaignId, int points,
        string reason, string causeId, DateTimeOffset now, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ledger>(Ledger.StreamIdFor(memberId), token);
        if (Decide(stream.Aggregate, memberId, campaignId, points, reason, causeId, now) is not { } granted) return;
        LedgerStreams.Append(stream, stream.Aggregate, granted);
        outgoing.Add(new PointsGrantedIntegrationEvent(memberId, campaignId, points, reason, causeId, now));
    }
}
