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
        // Each change credits or debits a member: the voter, and for a referred vote in a campaign that pays for
        // referrals, its sharer. Every such member's ledger is fetched once, in one round trip.
        var changes = message.Votes.SelectMany(vote => ChangesOf(vote, rules)).ToList();
        var batch = session.CreateBatchQuery();
        var fetches = changes.Select(c => c.Member).Distinct()
            .ToDictionary(member => member, member => batch.Events.FetchForWriting<Ledger>(Ledger.StreamIdFor(member)));
        await batch.Execute(token);
        foreach (var byMember in changes.GroupBy(c => c.Member))
        {
            var stream = await fetches[byMember.Key];
            var ledger = stream.Aggregate;
            foreach (var (_, decide) in byMember)
            {
                if (decide(ledger, message.CampaignId, now) is not { } granted) continue;
                ledger = LedgerStreams.Append(stream, ledger, granted);
                outgoing.Add(new PointsGrantedIntegrationEvent(granted.MemberId, granted.CampaignId, granted.Points, granted.Reason, granted.CauseId, now));
            }
        }
        return outgoing;
    }

    /// <summary>What one vote change decides, per member whose ledger it touches, in the order of the group.</summary>
    private static IEnumerable<(string Member, Func<Ledger?, Guid, DateTimeOffset, PointsGranted?> Decide)> ChangesOf(VoteRecorded vote, RewardRules rules)
    {
        yield return (vote.Voter, (ledger, campaign, now) => vote.Action switch
        {
            VoteActions.Cast => Decide(ledger, vote.Voter, campaign, rules.PointsForVote, "vote-cast", $"vote-cast:{vote.VoteId}", now),
            // A vote a merge moves (or moves back) still counts: its points stay.
            VoteActions.Moved => null,
            VoteActions.Restored when vote.From is not null => null,
            VoteActions.Released or VoteActions.Restored => MergeChange(ledger, vote, campaign, now),
            _ => ReverseVote(ledger, vote, campaign, now)
        });
        if (rules.PointsForReferral > 0 && vote.ReferredBy is { } sharer)
            yield return (sharer, (ledger, campaign, now) => Referral(ledger, vote, sharer, rules.PointsForReferral, campaign, now));
    }

    /// <summary>
    /// The sharer whose link brought a supporter earns the campaign's referral points once per vote, and gives them back
    /// when that vote is retracted or discounted (a cast and retract loop earns nothing).
    /// </summary>
    public static PointsGranted? Referral(Ledger? ledger, VoteRecorded vote, string sharer, int points, Guid campaignId, DateTimeOffset now) => vote.Action switch
    {
        VoteActions.Cast => Decide(ledger, sharer, campaignId, points, "referral", $"referral:{vote.VoteId}", now),
        VoteActions.Retracted or VoteActions.Discounted when ledger?.Holds($"referral:{vote.VoteId}") == true =>
            Decide(ledger, sharer, campaignId, -points, "referral-reversed", $"referral-reversed:{vote.VoteId}", now),
        _ => null
    };

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
