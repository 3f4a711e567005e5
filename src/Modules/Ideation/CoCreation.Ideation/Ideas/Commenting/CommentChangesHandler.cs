using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Commenting;

/// <summary>A comment's write model: what editing and deleting it decide on.</summary>
public sealed record Comment(Guid Id, Guid IdeaId, Guid CampaignId, string Author, DateTimeOffset PostedAt, int Revision, bool Deleted, bool Hidden)
{
    public static Comment Create(CommentPosted e) => new(e.CommentId, e.IdeaId, e.CampaignId, e.PostedBy, e.PostedAt, 1, false, false);
    public Comment Apply(CommentEdited e) => this with { Revision = e.Revision };
    public Comment Apply(CommentDeleted _) => this with { Deleted = true };
    public Comment Apply(CommentHidden _) => this with { Hidden = true };
    public Comment Apply(CommentRestored _) => this with { Hidden = false };
}

public sealed record EditComment(Guid CommentId, string Text, string By);

public sealed record DeleteComment(Guid CommentId, string By);

public sealed record CommentChangedResponse(Guid Id, int Revision, bool Deleted);

/// <summary>Its author may change a comment's text for ten minutes after posting it, and delete it at any time; each is an event.</summary>
public static class CommentChangesHandler
{
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(10);

    public static EditComment ToCommand(CommentRequest request, Guid commentId, string by)
    {
        new Validation().Length(request.Text, "text", 1, 5_000).ThrowIfInvalid();
        return new EditComment(commentId, request.Text!.Trim(), by);
    }

    private static void EnsureAuthor(Comment comment, string by)
    {
        if (comment.Author != by) throw new Forbidden("not-the-author", $"Only the comment's author may change or delete comment {comment.Id}.");
        if (comment.Deleted) throw new RuleViolated("comment-deleted", $"Comment {comment.Id} was deleted.");
    }

    public static CommentEdited Decide(Comment comment, EditComment command, DateTimeOffset now)
    {
        EnsureAuthor(comment, command.By);
        if (now - comment.PostedAt > EditWindow)
            throw new RuleViolated("comment-edit-window-closed", $"Comment {comment.Id} was posted at {comment.PostedAt:O}; a comment is edited within {EditWindow.TotalMinutes:0} minutes.");
        return new CommentEdited(comment.Id, comment.IdeaId, comment.CampaignId, command.Text, comment.Revision + 1, command.By, now);
    }

    public static CommentDeleted Decide(Comment comment, DeleteComment command, DateTimeOffset now)
    {
        EnsureAuthor(comment, command.By);
        return new CommentDeleted(comment.Id, comment.IdeaId, comment.CampaignId, command.By, now);
    }

    public static async Task<(CommentChangedResponse, OutgoingMessages)> Handle(EditComment command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Comment>(command.CommentId, token);
        var comment = stream.Aggregate ?? throw new NotFound("comment", command.CommentId);
        var edited = Decide(comment, command, clock.GetUtcNow());
        stream.AppendOne(edited);
        // Moderation screens the new text as it screened the first.
        return (new CommentChangedResponse(comment.Id, edited.Revision, false),
            [new CommentEditedIntegrationEvent(edited.CommentId, edited.IdeaId, edited.CampaignId, edited.Text, edited.Revision, edited.EditedBy, edited.EditedAt)]);
    }

    public static async Task<CommentChangedResponse> Handle(DeleteComment command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Comment>(command.CommentId, token);
        var comment = stream.Aggregate ?? throw new NotFound("comment", command.CommentId);
        stream.AppendOne(Decide(comment, command, clock.GetUtcNow()));
        return new CommentChangedResponse(comment.Id, comment.Revision, true);
    }
}
