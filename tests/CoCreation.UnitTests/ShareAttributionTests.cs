using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Granting;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Sharing;
using CoCreation.Voting.Contracts;

namespace CoCreation.UnitTests;

public class ShareAttributionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Campaign = Guid.NewGuid();

    [Fact]
    public void Supporters_brought_count_the_standing_referred_votes_of_each_sharer()
    {
        var idea = Guid.NewGuid();
        var opened = new BallotOpened(Guid.NewGuid(), idea, Campaign, "support", ["alice"], [new MilestoneRule(10, 30)], Now);
        var (ann, bob, cat) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var r = IdeaReferralsProjection.Create(opened);
        r = IdeaReferralsProjection.Apply(new VoteCast(opened.BallotId, idea, Campaign, ann, "ann", null, Now, "alice"), r);
        r = IdeaReferralsProjection.Apply(new VoteCast(opened.BallotId, idea, Campaign, bob, "bob", null, Now, "alice"), r);
        r = IdeaReferralsProjection.Apply(new VoteCast(opened.BallotId, idea, Campaign, cat, "cat", null, Now), r);
        Assert.Equal(2, r.BroughtBy("alice"));
        r = IdeaReferralsProjection.Apply(new VoteRetracted(opened.BallotId, idea, Campaign, bob, "bob", null, Now), r);
        r = IdeaReferralsProjection.Apply(new VoteRetracted(opened.BallotId, idea, Campaign, cat, "cat", null, Now), r);
        Assert.Equal(1, r.BroughtBy("alice"));
        Assert.Equal(0, r.BroughtBy("cat"));
    }

    [Fact]
    public void A_referral_pays_once_and_its_retraction_takes_back_only_what_was_paid()
    {
        var vote = Guid.NewGuid();
        var cast = new VoteRecorded(vote, Guid.NewGuid(), "ann", VoteActions.Cast, null, Now, ReferredBy: "alice");
        var paid = GrantPointsHandler.Referral(null, cast, "alice", 5, Campaign, Now)!;
        Assert.Equal((5, $"referral:{vote}"), (paid.Points, paid.CauseId));
        var ledger = Ledger.Create(paid);
        Assert.Null(GrantPointsHandler.Referral(ledger, cast, "alice", 5, Campaign, Now));

        var retracted = cast with { Action = VoteActions.Retracted };
        var back = GrantPointsHandler.Referral(ledger, retracted, "alice", 5, Campaign, Now)!;
        Assert.Equal(-5, back.Points);
        Assert.Null(GrantPointsHandler.Referral(ledger.Apply(back), retracted, "alice", 5, Campaign, Now));
        // A retraction of a vote whose referral was never paid takes nothing.
        Assert.Null(GrantPointsHandler.Referral(null, retracted, "alice", 5, Campaign, Now));
    }
}
