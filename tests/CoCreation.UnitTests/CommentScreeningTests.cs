using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Queueing;
using CoCreation.Moderation.Screening;

namespace CoCreation.UnitTests;

/// <summary>A comment's text screened when posted (revision 1) and again after each edit, each revision an item of its own.</summary>
public class CommentScreeningTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScreeningOptions Options = new() { BlockedHosts = ["cheap-bricks.example"] };

    [Fact]
    public void Clean_text_queues_nothing_a_banned_term_queues_the_revision_and_clear_cut_spam_is_hidden_at_once()
    {
        var comment = Guid.NewGuid();
        Assert.Equal(new CommentScreeningOutcome(null, null), CommentScreening.Decide(comment, Guid.NewGuid(), 1, "ann", "A fine crane.", [], Options, Now));

        var first = CommentScreening.Decide(comment, Guid.NewGuid(), 1, "ann", "A fine quorvane crane.", ["quorvane"], Options, Now);
        var edited = CommentScreening.Decide(comment, Guid.NewGuid(), 3, "ann", "A fine quorvane crane.", ["quorvane"], Options, Now);
        Assert.Null(first.Hidden);
        Assert.Equal((1, 3), (first.Queued!.Revision, edited.Queued!.Revision));
        Assert.Equal(ModerationItem.IdFor(comment, "screening"), first.Queued.ItemId);
        Assert.NotEqual(first.Queued.ItemId, edited.Queued.ItemId);

        var spam = CommentScreening.Decide(comment, Guid.NewGuid(), 2, "ann", "Bricks at https://shop.cheap-bricks.example/deal", [], Options, Now);
        Assert.Equal((ModerationDecision.Hide, spam.Queued!.ItemId), (spam.Hidden!.Decision, spam.Hidden.ItemId));
    }
}
