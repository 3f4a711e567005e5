using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.CoAuthoring;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.PostingProgress;
using CoCreation.Ideation.Ideas.Revising;
using CoCreation.Ideation.Ideas.Withdrawing;

namespace CoCreation.UnitTests;

/// <summary>Every command against every status: allowed exactly where the lifecycle says, refused with the rule's name elsewhere.</summary>
public class IdeaTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> AllStatuses() => Enum.GetValues<IdeaStatus>().Select(s => new object[] { s });

    private static Idea IdeaIn(IdeaStatus status) =>
        Idea.Create(new IdeaSubmitted(Guid.NewGuid(), Guid.NewGuid(), "Ferry set", "A ferry", ["sea"], "alice", Now))
            with { Status = status, Invitations = ["carol"] };

    private static void AssertAllowedOnlyIn(IdeaStatus status, IdeaStatus[] allowed, string rule, Func<Idea, object> decide)
    {
        var idea = IdeaIn(status);
        if (allowed.Contains(status)) Assert.NotNull(decide(idea));
        else Assert.Equal(rule, Assert.Throws<RuleViolated>(() => decide(idea)).Rule);
    }

    [Theory, MemberData(nameof(AllStatuses))]
    public void Revise_only_before_publication_or_after_rejection(IdeaStatus status) =>
        AssertAllowedOnlyIn(status, [IdeaStatus.Submitted, IdeaStatus.Rejected], "idea-not-revisable",
            idea => ReviseIdeaHandler.Decide(idea, new ReviseIdea(idea.Id, "New title", "New text", [], "alice"), Now));

    [Theory, MemberData(nameof(AllStatuses))]
    public void Withdraw_only_before_review(IdeaStatus status) =>
        AssertAllowedOnlyIn(status, [IdeaStatus.Submitted, IdeaStatus.Published, IdeaStatus.Rejected], "idea-not-withdrawable",
            idea => WithdrawIdeaHandler.Decide(idea, new WithdrawIdea(idea.Id, "alice"), Now));

    [Theory, MemberData(nameof(AllStatuses))]
    public void Invite_and_accept_co_authors_only_before_review(IdeaStatus status)
    {
        IdeaStatus[] allowed = [IdeaStatus.Submitted, IdeaStatus.Published, IdeaStatus.Rejected];
        AssertAllowedOnlyIn(status, allowed, "idea-not-open-to-coauthors",
            idea => InviteCoAuthorHandler.Decide(idea, new InviteCoAuthor(idea.Id, "bob", "alice"), Now));
        AssertAllowedOnlyIn(status, allowed, "idea-not-open-to-coauthors",
            idea => AcceptCoAuthorshipHandler.Decide(idea, new AcceptCoAuthorship(idea.Id, "carol"), Now));
    }

    [Theory, MemberData(nameof(AllStatuses))]
    public void The_brand_decides_only_under_review(IdeaStatus status)
    {
        AssertAllowedOnlyIn(status, [IdeaStatus.UnderReview], "idea-not-under-review",
            idea => DecideIdeaHandler.Decide(idea, new DecideIdea(idea.Id, DecisionOutcome.Selected, "Great", "brand"), Now));
        AssertAllowedOnlyIn(status, [IdeaStatus.UnderReview], "idea-not-under-review",
            idea => DecideIdeaHandler.Decide(idea, new DecideIdea(idea.Id, DecisionOutcome.NotSelected, null, "brand"), Now));
    }

    [Theory, MemberData(nameof(AllStatuses))]
    public void Production_follows_selection_and_launch_follows_production(IdeaStatus status)
    {
        AssertAllowedOnlyIn(status, [IdeaStatus.Selected], "idea-not-selected",
            idea => PostProgressHandler.Decide(idea, new PostProgress(idea.Id, IdeaStatus.InProduction, "Tooling started", "brand"), Now));
        AssertAllowedOnlyIn(status, [IdeaStatus.InProduction], "idea-not-in-production",
            idea => PostProgressHandler.Decide(idea, new PostProgress(idea.Id, IdeaStatus.Launched, "In stores", "brand"), Now));
        AssertAllowedOnlyIn(status, Enum.GetValues<IdeaStatus>().Except([IdeaStatus.Withdrawn, IdeaStatus.Hidden]).ToArray(), "idea-not-public",
            idea => PostProgressHandler.Decide(idea, new PostProgress(idea.Id, null, "We read every comment", "brand"), Now));
    }

    [Fact]
    public void An_open_dispute_blocks_selection_but_not_rejection()
    {
        var idea = IdeaIn(IdeaStatus.UnderReview);
        idea = idea.Apply(new IdeaDisputeOpened(idea.Id, idea.CampaignId, Guid.NewGuid(), Now));
        Assert.Equal("dispute-open", Assert.Throws<RuleViolated>(() =>
            DecideIdeaHandler.Decide(idea, new DecideIdea(idea.Id, DecisionOutcome.Selected, null, "brand"), Now)).Rule);
        Assert.IsType<IdeaNotSelected>(DecideIdeaHandler.Decide(idea, new DecideIdea(idea.Id, DecisionOutcome.NotSelected, null, "brand"), Now));
        idea = idea.Apply(new IdeaDisputeClosed(idea.Id, idea.CampaignId, idea.OpenDisputes[0], "Dismissed", Now));
        Assert.IsType<IdeaSelected>(DecideIdeaHandler.Decide(idea, new DecideIdea(idea.Id, DecisionOutcome.Selected, null, "brand"), Now));
    }

    [Fact]
    public void Only_authors_revise_only_the_author_invites_and_withdraws_only_the_invitee_accepts()
    {
        var idea = IdeaIn(IdeaStatus.Submitted);
        Assert.Equal("not-an-author", Assert.Throws<Forbidden>(() => ReviseIdeaHandler.Decide(idea, new ReviseIdea(idea.Id, "Title", "Text", [], "mallory"), Now)).Rule);
        Assert.Equal("not-the-author", Assert.Throws<Forbidden>(() => InviteCoAuthorHandler.Decide(idea, new InviteCoAuthor(idea.Id, "bob", "mallory"), Now)).Rule);
        Assert.Equal("not-the-author", Assert.Throws<Forbidden>(() => WithdrawIdeaHandler.Decide(idea, new WithdrawIdea(idea.Id, "carol"), Now)).Rule);
        Assert.Equal("not-invited", Assert.Throws<Forbidden>(() => AcceptCoAuthorshipHandler.Decide(idea, new AcceptCoAuthorship(idea.Id, "mallory"), Now)).Rule);

        var joined = idea.Apply(AcceptCoAuthorshipHandler.Decide(idea, new AcceptCoAuthorship(idea.Id, "carol"), Now));
        Assert.Equal(["alice", "carol"], joined.Authors);
        Assert.Empty(joined.Invitations);
        Assert.Equal(2, joined.Apply(ReviseIdeaHandler.Decide(joined, new ReviseIdea(idea.Id, "Title 2", "Text", [], "carol"), Now)).Revision);
        Assert.Equal("not-the-author", Assert.Throws<Forbidden>(() => InviteCoAuthorHandler.Decide(joined, new InviteCoAuthor(idea.Id, "dan", "carol"), Now)).Rule);
        Assert.Equal("already-an-author", Assert.Throws<RuleViolated>(() => InviteCoAuthorHandler.Decide(joined, new InviteCoAuthor(idea.Id, "carol", "alice"), Now)).Rule);
        Assert.Equal("already-invited", Assert.Throws<RuleViolated>(() => InviteCoAuthorHandler.Decide(idea, new InviteCoAuthor(idea.Id, "carol", "alice"), Now)).Rule);
    }

    [Fact]
    public void A_revision_returns_the_idea_to_moderation_with_its_new_content()
    {
        var rejected = IdeaIn(IdeaStatus.Rejected);
        var revised = rejected.Apply(ReviseIdeaHandler.Decide(rejected, new ReviseIdea(rejected.Id, "Better ferry", "Now with cars", ["sea"], "alice"), Now));
        Assert.Equal((IdeaStatus.Submitted, 2, "Better ferry"), (revised.Status, revised.Revision, revised.Title));
    }
}

public class IdeaHideHoldTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static CoCreation.Ideation.Ideas.Idea UnderReview()
    {
        var id = Guid.NewGuid();
        var idea = CoCreation.Ideation.Ideas.Idea.Create(new CoCreation.Ideation.Ideas.IdeaSubmitted(id, Guid.NewGuid(), "Title", "Text", [], "alice", Now));
        return idea with { Status = CoCreation.Ideation.Ideas.IdeaStatus.UnderReview };
    }

    [Fact]
    public void A_hide_remembers_the_status_before_and_only_its_own_items_approval_lifts_it()
    {
        var flags = Guid.NewGuid();
        var idea = UnderReview();
        idea = idea.Apply(new CoCreation.Ideation.Ideas.IdeaHidden(idea.Id, idea.CampaignId, "moderation", "flagged", null, "community", Now, flags));
        Assert.False(idea.HiddenByItem(Guid.NewGuid()));
        Assert.True(idea.HiddenByItem(flags));
        Assert.Equal(CoCreation.Ideation.Ideas.IdeaStatus.UnderReview, idea.AfterLifting(flags));

        // An upheld dispute adds a hold that no moderator's approval lifts.
        idea = idea.Apply(new CoCreation.Ideation.Ideas.IdeaHidden(idea.Id, idea.CampaignId, "dispute", "ip-infringement", null, "legal", Now));
        Assert.Equal(CoCreation.Ideation.Ideas.IdeaStatus.Hidden, idea.AfterLifting(flags));
        idea = idea.Apply(new CoCreation.Ideation.Ideas.IdeaHideLifted(idea.Id, idea.CampaignId, flags, idea.AfterLifting(flags), "mod", Now));
        Assert.Equal(CoCreation.Ideation.Ideas.IdeaStatus.Hidden, idea.Status);
        Assert.False(idea.HiddenByItem(flags));
    }
}
