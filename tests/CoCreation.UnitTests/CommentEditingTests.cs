using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas.Commenting;

namespace CoCreation.UnitTests;

public class CommentEditingTests
{
    private static readonly DateTimeOffset Posted = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static Comment Ann() => Comment.Create(new CommentPosted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "First text", "ann", Posted));

    [Fact]
    public void The_author_edits_within_ten_minutes_each_edit_a_new_revision_and_no_one_else_ever()
    {
        var comment = Ann();
        var first = CommentChangesHandler.Decide(comment, new EditComment(comment.Id, "Second text", "ann"), Posted.AddMinutes(10));
        Assert.Equal(2, first.Revision);
        comment = comment.Apply(first);
        Assert.Equal(3, CommentChangesHandler.Decide(comment, new EditComment(comment.Id, "Third", "ann"), Posted.AddMinutes(9)).Revision);
        Assert.Equal("comment-edit-window-closed",
            Assert.Throws<RuleViolated>(() => CommentChangesHandler.Decide(comment, new EditComment(comment.Id, "Late", "ann"), Posted.AddMinutes(10).AddTicks(1))).Rule);
        Assert.Equal("not-the-author", Assert.Throws<Forbidden>(() => CommentChangesHandler.Decide(comment, new EditComment(comment.Id, "Mine", "bob"), Posted)).Rule);
    }

    [Fact]
    public void The_author_deletes_at_any_time_once_and_a_deleted_comment_is_not_edited()
    {
        var comment = Ann();
        Assert.Equal("not-the-author", Assert.Throws<Forbidden>(() => CommentChangesHandler.Decide(comment, new DeleteComment(comment.Id, "bob"), Posted)).Rule);
        comment = comment.Apply(CommentChangesHandler.Decide(comment, new DeleteComment(comment.Id, "ann"), Posted.AddDays(30)));
        Assert.Equal("comment-deleted", Assert.Throws<RuleViolated>(() => CommentChangesHandler.Decide(comment, new DeleteComment(comment.Id, "ann"), Posted.AddDays(31))).Rule);
        Assert.Equal("comment-deleted", Assert.Throws<RuleViolated>(() => CommentChangesHandler.Decide(comment, new EditComment(comment.Id, "Back", "ann"), Posted)).Rule);
    }

    [Fact]
    public void A_reply_joins_the_thread_of_the_comment_it_answers_on_the_same_idea_only()
    {
        var idea = Guid.NewGuid();
        var root = new CommentView(Guid.NewGuid(), idea, Guid.NewGuid(), "Root", "ann", Posted, false);
        var reply = root with { Id = Guid.NewGuid(), ReplyTo = root.Id };
        PostComment To(Guid? replyTo) => new(Guid.NewGuid(), idea, "text", "bob", replyTo);

        Assert.Null(PostCommentHandler.ThreadOf(null, To(null)));
        Assert.Equal(root.Id, PostCommentHandler.ThreadOf(root, To(root.Id)));
        Assert.Equal(root.Id, PostCommentHandler.ThreadOf(reply, To(reply.Id)));
        Assert.Throws<NotFound>(() => PostCommentHandler.ThreadOf(root with { IdeaId = Guid.NewGuid() }, To(root.Id)));
        Assert.Throws<NotFound>(() => PostCommentHandler.ThreadOf(root with { Hidden = true }, To(root.Id)));
        Assert.Throws<NotFound>(() => PostCommentHandler.ThreadOf(null, To(Guid.NewGuid())));
    }
}
