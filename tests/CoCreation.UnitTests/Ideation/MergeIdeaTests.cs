using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Merging;

namespace CoCreation.UnitTests.Ideation;

public class MergeIdeaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Campaign = Guid.NewGuid();

    private static Idea Published(string author, Guid? campaign = null, params string[] coAuthors)
    {
        var id = Guid.NewGuid();
        var idea = Idea.Create(new IdeaSubmitted(id, campaign ?? Campaign, $"Idea of {author}", "text", [], author, Now.AddDays(-3)))
            .Apply(new IdeaPublished(id, campaign ?? Campaign, Guid.NewGuid(), "mod", Now.AddDays(-2)));
        foreach (var co in coAuthors) idea = idea.Apply(new CoAuthorJoined(id, idea.CampaignId, co, Now.AddDays(-1)));
        return idea;
    }

    private static MergeIdea Merge(Idea duplicate, Idea target, string by = "mod") => new(duplicate.Id, target.Id, "Same idea", by, true, null);

    private static string RuleOf(Action act) => Assert.IsAssignableFrom<DomainProblem>(Record.Exception(act)).Rule;

    [Fact]
    public void Merge_marks_the_duplicate_merged_and_offers_its_authors_not_yet_on_the_target_co_authorship()
    {
        var target = Published("alice", null, "carl");
        var duplicate = Published("bea", null, "carl");

        var decision = MergeIdeaHandler.Decide(duplicate, target, Merge(duplicate, target), Guid.NewGuid(), Now);

        Assert.Equal(target.Id, decision.Merged.Into);
        Assert.Equal(IdeaStatus.Published, decision.Merged.StatusBefore);
        Assert.Equal(["bea"], decision.Merged.OfferedCoAuthorship);
        Assert.Equal(["bea"], decision.Invitations.Select(i => i.Invitee));
        Assert.All(decision.Invitations, i => Assert.Equal(target.Id, i.IdeaId));
        var after = duplicate.Apply(decision.Merged);
        Assert.Equal(IdeaStatus.Merged, after.Status);
        Assert.Equal(target.Id, after.MergedInto);
    }

    [Fact]
    public void Merge_is_refused_across_campaigns_for_a_non_published_duplicate_a_closed_target_and_to_an_author()
    {
        var target = Published("alice");
        Assert.Equal("ideas-in-different-campaigns", RuleOf(() => MergeIdeaHandler.Decide(Published("bea", Guid.NewGuid()), target, Merge(target, target), Guid.NewGuid(), Now)));
        var withdrawn = Published("bea").Apply(new IdeaWithdrawn(Guid.Empty, Campaign, "bea", Now));
        Assert.Equal("idea-not-mergeable", RuleOf(() => MergeIdeaHandler.Decide(withdrawn, target, Merge(withdrawn, target), Guid.NewGuid(), Now)));
        var selected = target.Apply(new IdeaSelected(target.Id, Campaign, null, "brand", Now));
        var duplicate = Published("bea");
        Assert.Equal("merge-target-not-open", RuleOf(() => MergeIdeaHandler.Decide(duplicate, selected, Merge(duplicate, selected), Guid.NewGuid(), Now)));
        Assert.Equal("own-idea", RuleOf(() => MergeIdeaHandler.Decide(duplicate, target, Merge(duplicate, target, by: "alice"), Guid.NewGuid(), Now)));
        var merged = duplicate.Apply(MergeIdeaHandler.Decide(duplicate, target, Merge(duplicate, target), Guid.NewGuid(), Now).Merged);
        Assert.Equal("merge-target-not-open", RuleOf(() => MergeIdeaHandler.Decide(Published("dan"), merged, Merge(target, merged), Guid.NewGuid(), Now)));
    }

    [Fact]
    public void The_request_needs_a_target_other_than_the_idea_itself()
    {
        var id = Guid.NewGuid();
        Assert.IsType<ValidationFailed>(Record.Exception(() => MergeIdeaHandler.ToCommand(new MergeRequest(null, null), id, "mod", true, null)));
        Assert.IsType<ValidationFailed>(Record.Exception(() => MergeIdeaHandler.ToCommand(new MergeRequest(id, null), id, "mod", true, null)));
    }

    [Fact]
    public void Unmerge_restores_the_status_before_the_merge_and_withdraws_only_the_invitations_still_waiting()
    {
        var target = Published("alice");
        var duplicate = Published("bea", null, "carl");
        var merge = MergeIdeaHandler.Decide(duplicate, target, Merge(duplicate, target), Guid.NewGuid(), Now);
        var merged = duplicate.Apply(merge.Merged);
        var targetAfter = merge.Invitations.Aggregate(target, (t, i) => t.Apply(i)).Apply(new CoAuthorJoined(target.Id, Campaign, "carl", Now));

        var undo = UnmergeIdeaHandler.Decide(merged, targetAfter, new UnmergeIdea(merged.Id, null, "mod", true, null), Now.AddDays(1), merge.Merged.OfferedCoAuthorship);

        Assert.Equal(IdeaStatus.Published, undo.Unmerged.RestoredStatus);
        Assert.Equal(["bea"], undo.Withdrawn.Select(w => w.Invitee));
        var restored = merged.Apply(undo.Unmerged);
        Assert.Equal(IdeaStatus.Published, restored.Status);
        Assert.Null(restored.MergedInto);
        Assert.Equal("idea-not-merged", RuleOf(() => UnmergeIdeaHandler.Decide(restored, targetAfter, new UnmergeIdea(merged.Id, null, "mod", true, null), Now, [])));
    }
}
