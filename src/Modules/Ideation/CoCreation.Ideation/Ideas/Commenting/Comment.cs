using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using Marten.Events.Aggregation;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Commenting;

public sealed record CommentPosted(Guid CommentId, Guid IdeaId, Guid CampaignId, string Text, string PostedBy, DateTimeOffset PostedAt) : ICampaignScoped;

/// <summary>Moderation hid the comment (a moderator, or enough community flags): it leaves the public list.</summary>
public sealed record CommentHidden(Guid CommentId, Guid IdeaId, Guid CampaignId, string ReasonCode, string HiddenBy, DateTimeOffset HiddenAt) : ICampaignScoped;

/// <summary>A moderator approved a hidden comment: it is public again.</summary>
public sealed record CommentRestored(Guid CommentId, Guid IdeaId, Guid CampaignId, string RestoredBy, DateTimeOffset RestoredAt) : ICampaignScoped;

public sealed record CommentRequest([property: Required] string? Text);

public sealed record PostComment(Guid CommentId, Guid IdeaId, string Text, string By);

public sealed record CommentPostedResponse(Guid Id);

/// <summary>A comment as the public sees it; comments are published at once and moderated afterwards.</summary>
public sealed record CommentView(Guid Id, Guid IdeaId, Guid CampaignId, string Text, string Author, DateTimeOffset PostedAt, bool Hidden);

public sealed class CommentViewProjection : SingleStreamProjection<CommentView, Guid>
{
    public static CommentView Create(CommentPosted e) => new(e.CommentId, e.IdeaId, e.CampaignId, e.Text, e.PostedBy, e.PostedAt, false);

    public static CommentView Apply(CommentHidden _, CommentView view) => view with { Hidden = true };

    public static CommentView Apply(CommentRestored _, CommentView view) => view with { Hidden = false };
}

public static class PostCommentHandler
{
    public static PostComment ToCommand(CommentRequest request, Guid commentId, Guid ideaId, string by)
    {
        new Validation().Length(request.Text, "text", 1, 5_000).ThrowIfInvalid();
        return new PostComment(commentId, ideaId, request.Text!.Trim(), by);
    }

    public static CommentPosted Decide(Idea idea, PostComment command, DateTimeOffset now) =>
        idea.Status is IdeaStatus.Published or IdeaStatus.UnderReview or IdeaStatus.Selected
            or IdeaStatus.NotSelected or IdeaStatus.InProduction or IdeaStatus.Launched or IdeaStatus.Expired
            ? new CommentPosted(command.CommentId, idea.Id, idea.CampaignId, command.Text, command.By, now)
            : throw new RuleViolated("idea-not-public", $"Idea {idea.Id} is {idea.Status}; only public ideas take comments.");

    public static async Task<(CommentPostedResponse, OutgoingMessages)> Handle(PostComment command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var idea = await session.LoadAsync<Idea>(command.IdeaId, token) ?? throw new NotFound("idea", command.IdeaId);
        if (!IdeaStatuses.IsPublic(idea.Status.ToString()) && !idea.IsAuthor(command.By) && !idea.Invitations.Contains(command.By))
            throw new NotFound("idea", command.IdeaId);
        var posted = Decide(idea, command, clock.GetUtcNow());
        session.Events.StartStream(command.CommentId, posted);
        return (new CommentPostedResponse(command.CommentId),
            [new CommentPostedIntegrationEvent(posted.CommentId, posted.IdeaId, posted.CampaignId, posted.Text, posted.PostedBy, posted.PostedAt)]);
    }
}

/// <summary>A comment as the idea's comment list shows it; Hidden only ever true for those who may see what moderation hid.</summary>
public sealed record CommentListItem(Guid Id, Guid IdeaId, string Text, string Author, DateTimeOffset PostedAt, bool Hidden);
