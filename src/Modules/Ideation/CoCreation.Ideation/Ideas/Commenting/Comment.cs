using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using Marten.Events.Aggregation;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Commenting;

/// <summary>ReplyTo: the comment this one answers (always a top-level one: threads are one level deep), or null.</summary>
public sealed record CommentPosted(Guid CommentId, Guid IdeaId, Guid CampaignId, string Text, string PostedBy, DateTimeOffset PostedAt, Guid? ReplyTo = null) : ICampaignScoped;

/// <summary>Its author changed the text within the edit window; Revision counts from 1, the posted text.</summary>
public sealed record CommentEdited(Guid CommentId, Guid IdeaId, Guid CampaignId, string Text, int Revision, string EditedBy, DateTimeOffset EditedAt) : ICampaignScoped;

/// <summary>Its author deleted it: the text leaves every view, the fact that a comment was there stays.</summary>
public sealed record CommentDeleted(Guid CommentId, Guid IdeaId, Guid CampaignId, string DeletedBy, DateTimeOffset DeletedAt) : ICampaignScoped;

/// <summary>Moderation hid the comment (a moderator, or enough community flags): it leaves the public list.</summary>
public sealed record CommentHidden(Guid CommentId, Guid IdeaId, Guid CampaignId, string ReasonCode, string HiddenBy, DateTimeOffset HiddenAt) : ICampaignScoped;

/// <summary>A moderator approved a hidden comment: it is public again.</summary>
public sealed record CommentRestored(Guid CommentId, Guid IdeaId, Guid CampaignId, string RestoredBy, DateTimeOffset RestoredAt) : ICampaignScoped;

/// <summary>ReplyTo: a comment of the same idea to answer; a reply to a reply joins its thread.</summary>
public sealed record CommentRequest([property: Required] string? Text, Guid? ReplyTo = null);

public sealed record PostComment(Guid CommentId, Guid IdeaId, string Text, string By, Guid? ReplyTo = null);

public sealed record CommentPostedResponse(Guid Id);

/// <summary>A comment as the public sees it; comments are published at once and moderated afterwards. A deleted one keeps its place, not its text.</summary>
public sealed record CommentView(Guid Id, Guid IdeaId, Guid CampaignId, string Text, string Author, DateTimeOffset PostedAt, bool Hidden,
    Guid? ReplyTo = null, DateTimeOffset? EditedAt = null, bool Deleted = false);

public sealed class CommentViewProjection : SingleStreamProjection<CommentView, Guid>
{
    public static CommentView Create(CommentPosted e) => new(e.CommentId, e.IdeaId, e.CampaignId, e.Text, e.PostedBy, e.PostedAt, false, e.ReplyTo);

    public static CommentView Apply(CommentEdited e, CommentView view) => view with { Text = e.Text, EditedAt = e.EditedAt };

    public static CommentView Apply(CommentDeleted _, CommentView view) => view with { Text = "", Deleted = true };

    public static CommentView Apply(CommentHidden _, CommentView view) => view with { Hidden = true };

    public static CommentView Apply(CommentRestored _, CommentView view) => view with { Hidden = false };
}

public static class PostCommentHandler
{
    public static PostComment ToCommand(CommentRequest request, Guid commentId, Guid ideaId, string by)
    {
        new Validation().Length(request.Text, "text", 1, 5_000).ThrowIfInvalid();
        return new PostComment(commentId, ideaId, request.Text!.Trim(), by, request.ReplyTo);
    }

    /// <param name="thread">The top-level comment a reply joins (the one answered, or that one's own thread), or null for a new thread.</param>
    public static CommentPosted Decide(Idea idea, PostComment command, DateTimeOffset now, Guid? thread = null) =>
        idea.Status is IdeaStatus.Published or IdeaStatus.UnderReview or IdeaStatus.Selected
            or IdeaStatus.NotSelected or IdeaStatus.InProduction or IdeaStatus.Launched or IdeaStatus.Expired
            ? new CommentPosted(command.CommentId, idea.Id, idea.CampaignId, command.Text, command.By, now, thread)
            : throw new RuleViolated("idea-not-public", $"Idea {idea.Id} is {idea.Status}; only public ideas take comments.");

    /// <summary>The thread a reply joins: the answered comment's own, or the answered comment itself. It must be a comment of the same idea that the member can see.</summary>
    public static Guid? ThreadOf(CommentView? answered, PostComment command) => command.ReplyTo is not { } replyTo ? null
        : answered is null || answered.IdeaId != command.IdeaId || answered.Hidden ? throw new NotFound("comment", replyTo)
        : answered.ReplyTo ?? answered.Id;

    public static async Task<(CommentPostedResponse, OutgoingMessages)> Handle(PostComment command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var idea = await session.LoadAsync<Idea>(command.IdeaId, token) ?? throw new NotFound("idea", command.IdeaId);
        if (!IdeaStatuses.IsPublic(idea.Status.ToString()) && !idea.IsAuthor(command.By) && !idea.Invitations.Contains(command.By))
            throw new NotFound("idea", command.IdeaId);
        var answered = command.ReplyTo is { } replyTo ? await session.LoadAsync<CommentView>(replyTo, token) : null;
        var posted = Decide(idea, command, clock.GetUtcNow(), ThreadOf(answered, command));
        session.Events.StartStream<Comment>(command.CommentId, posted);
        return (new CommentPostedResponse(command.CommentId),
            [new CommentPostedIntegrationEvent(posted.CommentId, posted.IdeaId, posted.CampaignId, posted.Text, posted.PostedBy, posted.PostedAt,
                answered?.Id, answered?.Author)]);
    }
}

/// <summary>
/// A comment as the idea's comment list shows it; Hidden only ever true for those who may see what moderation hid.
/// ReplyTo: the thread it belongs to; EditedAt: when its author last changed it; Deleted: its author removed it (Text is empty).
/// </summary>
public sealed record CommentListItem(Guid Id, Guid IdeaId, string Text, string Author, DateTimeOffset PostedAt, bool Hidden,
    Guid? ReplyTo = null, DateTimeOffset? EditedAt = null, bool Deleted = false);
