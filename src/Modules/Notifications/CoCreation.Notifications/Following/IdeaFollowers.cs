using CoCreation.BuildingBlocks.Modules;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace CoCreation.Notifications.Following;

/// <summary>Notifications learned of an idea: its title (for the feed's sentences) and its authors.</summary>
public sealed record FollowedIdeaNoted(Guid IdeaId, Guid CampaignId, string Title, IReadOnlyList<string> Authors, string SubmittedBy, DateTimeOffset NotedAt);

public sealed record FollowedIdeaAuthorsNoted(Guid IdeaId, IReadOnlyList<string> Authors, DateTimeOffset NotedAt);

/// <summary>The supporters one group of votes added and removed (one event per idea per group, not per vote).</summary>
public sealed record FollowedIdeaSupportersNoted(Guid IdeaId, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, DateTimeOffset NotedAt);

public sealed record FollowedIdeaCommentNoted(Guid IdeaId, Guid CommentId, string Author, DateTimeOffset NotedAt);

/// <summary>
/// Who follows an idea: its authors, those who support it now and those who commented on it, each told when its status
/// changes. Folded from Notifications' own stream per idea, written from the other modules' messages.
/// </summary>
public sealed record IdeaFollowers(Guid Id, Guid IdeaId, Guid CampaignId, string Title, IReadOnlyList<string> Authors,
    IReadOnlyList<string> Supporters, IReadOnlyList<string> Commenters)
{
    public static Guid StreamIdFor(Guid ideaId) => StreamIds.Derive("notifications-idea", ideaId);

    /// <summary>Everyone who follows the idea, each once, the authors first.</summary>
    public IReadOnlyList<string> Everyone => Authors.Concat(Supporters).Concat(Commenters).Distinct().ToList();

    public static IdeaFollowers Create(FollowedIdeaNoted e) => new(StreamIdFor(e.IdeaId), e.IdeaId, e.CampaignId, e.Title, e.Authors, [], []);

    // Messages from different modules may arrive in any order: a stream may start with any of its events.
    public static IdeaFollowers Create(FollowedIdeaAuthorsNoted e) => Empty(e.IdeaId).Apply(e);
    public static IdeaFollowers Create(FollowedIdeaSupportersNoted e) => Empty(e.IdeaId).Apply(e);
    public static IdeaFollowers Create(FollowedIdeaCommentNoted e) => Empty(e.IdeaId).Apply(e);

    private static IdeaFollowers Empty(Guid ideaId) => new(StreamIdFor(ideaId), ideaId, Guid.Empty, "", [], [], []);

    public IdeaFollowers Apply(FollowedIdeaNoted e) => this with { CampaignId = e.CampaignId, Title = e.Title, Authors = e.Authors.Union(Authors).ToList() };

    public IdeaFollowers Apply(FollowedIdeaAuthorsNoted e) => this with { Authors = e.Authors };

    public IdeaFollowers Apply(FollowedIdeaSupportersNoted e) => this with { Supporters = Supporters.Except(e.Removed).Union(e.Added).ToList() };

    public IdeaFollowers Apply(FollowedIdeaCommentNoted e) => Commenters.Contains(e.Author) ? this : this with { Commenters = [.. Commenters, e.Author] };
}

/// <summary>Who wrote a comment, so a moderation decision on it reaches its author.</summary>
public sealed record CommentAuthor(Guid Id, Guid IdeaId, string Author);

public sealed class CommentAuthorProjection : MultiStreamProjection<CommentAuthor, Guid>
{
    public CommentAuthorProjection() => Identity<FollowedIdeaCommentNoted>(e => e.CommentId);

    public static CommentAuthor Create(FollowedIdeaCommentNoted e) => new(e.CommentId, e.IdeaId, e.Author);
}
