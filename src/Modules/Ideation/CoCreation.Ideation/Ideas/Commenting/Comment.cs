using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using Marten;
using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Ideas.Commenting;

public sealed record CommentPosted(Guid CommentId, Guid IdeaId, Guid CampaignId, string Text, string PostedBy, DateTimeOffset PostedAt) : ICampaignScoped;

public sealed record CommentRequest(string? Text);

public sealed record PostComment(Guid CommentId, Guid IdeaId, string Text, string By);

public sealed record CommentPostedResponse(Guid Id);

/// <summary>A comment as the public sees it; comments are published at once and moderated afterwards.</summary>
public sealed record CommentView(Guid Id, Guid IdeaId, string Text, string Author, DateTimeOffset PostedAt);

public sealed class CommentViewProjection : SingleStreamProjection<CommentView, Guid>
{
    public static CommentView Create(CommentPosted e) => new(e.CommentId, e.IdeaId, e.Text, e.PostedBy, e.PostedAt);
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

    public static async Task<CommentPostedResponse> Handle(PostComment command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var idea = await session.LoadAsync<Idea>(command.IdeaId, token)
                   ?? throw new NotFound("idea", command.IdeaId);
        session.Events.StartStream(command.CommentId, Decide(idea, command, clock.GetUtcNow()));
        return new CommentPostedResponse(command.CommentId);
    }
}
