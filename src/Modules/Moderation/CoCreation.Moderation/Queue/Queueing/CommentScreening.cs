using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Screening;

namespace CoCreation.Moderation.Queue.Queueing;

/// <summary>What screening a comment's text (posted, or revised by an edit) leads to: nothing, a queued item, or an item hidden at once as clear-cut spam.</summary>
public sealed record CommentScreeningOutcome(ModerationItemQueued? Queued, ModerationItemDecided? Hidden);

public static class CommentScreening
{
    /// <summary>A pure decision: the handlers that post or edit a comment append what it returns.</summary>
    public static CommentScreeningOutcome Decide(Guid commentId, Guid campaignId, int revision, string author, string text,
        IReadOnlyList<string> campaignTerms, ScreeningOptions options, DateTimeOffset now)
    {
        var screening = Screener.Screen(text, campaignTerms, [], options);
        if (screening.Findings.Count == 0) return new(null, null);
        var itemId = ModerationItem.IdFor(commentId, revision == 1 ? "screening" : $"screening-{revision}");
        var queued = new ModerationItemQueued(itemId, campaignId, SubjectTypes.Comment, commentId, revision, author, "comment-screening", screening.Findings, now);
        return new(queued, screening.ClearCutSpam
            ? new ModerationItemDecided(itemId, campaignId, ModerationDecision.Hide, "spam",
                "Hidden automatically: " + string.Join(" ", screening.Findings.Select(f => f.Detail)), ModerationItem.ScreeningActor, now, commentId)
            : null);
    }
}
