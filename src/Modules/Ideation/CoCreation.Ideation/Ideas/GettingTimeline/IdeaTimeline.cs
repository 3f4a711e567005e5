using CoCreation.Ideation.Ideas.Merging;
using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Ideas.GettingTimeline;

public sealed record TimelineEntry(DateTimeOffset At, IdeaStatus Status, string? Note, string Actor);

/// <summary>The public timeline of an idea: every status change and milestone with its note and actor.</summary>
public sealed record IdeaTimeline(Guid Id, IdeaStatus Status, IReadOnlyList<TimelineEntry> Entries)
{
    public IdeaTimeline Add(DateTimeOffset at, IdeaStatus status, string? note, string actor) =>
        this with { Status = status, Entries = [.. Entries, new TimelineEntry(at, status, note, actor)] };
}

public sealed class IdeaTimelineProjection : SingleStreamProjection<IdeaTimeline, Guid>
{
    public static IdeaTimeline Create(IdeaSubmitted e) =>
        new IdeaTimeline(e.IdeaId, IdeaStatus.Submitted, []).Add(e.SubmittedAt, IdeaStatus.Submitted, "Submitted for moderation.", e.SubmittedBy);

    public static IdeaTimeline Apply(IdeaRevised e, IdeaTimeline t) => t.Add(e.RevisedAt, IdeaStatus.Submitted, $"Revision {e.Revision} submitted for moderation.", e.RevisedBy);
    public static IdeaTimeline Apply(IdeaPublished e, IdeaTimeline t) => t.Add(e.PublishedAt, IdeaStatus.Published, "Approved by moderation and open for support.", e.DecidedBy);
    public static IdeaTimeline Apply(IdeaRejected e, IdeaTimeline t) => t.Add(e.RejectedAt, IdeaStatus.Rejected, Note(e.ReasonCode, e.Note), e.DecidedBy);
    public static IdeaTimeline Apply(IdeaHidden e, IdeaTimeline t) => t.Add(e.HiddenAt, IdeaStatus.Hidden, Note(e.ReasonCode, e.Note), e.HiddenBy);
    public static IdeaTimeline Apply(IdeaHideLifted e, IdeaTimeline t) =>
        t.Add(e.LiftedAt, e.RestoredStatus, e.RestoredStatus == IdeaStatus.Hidden ? "A moderator cleared one reason; others keep it hidden." : "A moderator cleared it: public again.", e.LiftedBy);
    public static IdeaTimeline Apply(IdeaWithdrawn e, IdeaTimeline t) => t.Add(e.WithdrawnAt, IdeaStatus.Withdrawn, "Withdrawn by the author.", e.WithdrawnBy);
    public static IdeaTimeline Apply(CoAuthorJoined e, IdeaTimeline t) => t.Add(e.JoinedAt, t.Status, $"{e.CoAuthor} joined as co-author.", e.CoAuthor);
    public static IdeaTimeline Apply(IdeaMilestoneReached e, IdeaTimeline t) =>
        t.Add(e.ReachedAt, t.Status, $"Milestone {e.MilestoneIndex + 1} reached with {e.Supporters} supporters.", "voting");
    public static IdeaTimeline Apply(IdeaMovedToReview e, IdeaTimeline t) => t.Add(e.MovedAt, IdeaStatus.UnderReview, "All milestones reached: the brand reviews it.", "voting");
    public static IdeaTimeline Apply(IdeaExpired e, IdeaTimeline t) =>
        t.Add(e.ExpiredAt, IdeaStatus.Expired, $"Milestone {e.MilestoneIndex + 1} not reached by {e.Deadline:yyyy-MM-dd} ({e.Supporters} supporters).", "voting");
    public static IdeaTimeline Apply(IdeaSelected e, IdeaTimeline t) => t.Add(e.DecidedAt, IdeaStatus.Selected, RoundNote(e.Round, e.Note), e.DecidedBy);
    public static IdeaTimeline Apply(IdeaNotSelected e, IdeaTimeline t) => t.Add(e.DecidedAt, IdeaStatus.NotSelected, RoundNote(e.Round, e.Note), e.DecidedBy);
    public static IdeaTimeline Apply(Campaigns.ReviewRounds.IdeaEnteredReviewRound e, IdeaTimeline t) =>
        t.Add(e.EnteredAt, t.Status, $"In review round {e.Number}: the brand publishes the round's results together when it closes.", e.OpenedBy);
    public static IdeaTimeline Apply(IdeaProgressPosted e, IdeaTimeline t) => t.Add(e.PostedAt, e.Status ?? t.Status, e.Note, e.PostedBy);

    public static IdeaTimeline Apply(IdeaMerged e, IdeaTimeline t) => t.Add(e.MergedAt, IdeaStatus.Merged, e.Note ?? MergedNote, e.MergedBy);
    public static IdeaTimeline Apply(IdeaMergeReceived e, IdeaTimeline t) => t.Add(e.MergedAt, t.Status, ReceivedNote, e.MergedBy);
    public static IdeaTimeline Apply(IdeaUnmerged e, IdeaTimeline t) => t.Add(e.UnmergedAt, e.RestoredStatus, e.Note ?? UnmergedNote, e.UnmergedBy);
    public static IdeaTimeline Apply(IdeaMergeUndone e, IdeaTimeline t) => t.Add(e.UnmergedAt, t.Status, UndoneNote, e.UnmergedBy);

    // The target's timeline is public and the merged idea is not: its notes name neither the other idea nor its title.
    public const string MergedNote = "Merged into another idea: its support counts there.";
    public const string ReceivedNote = "Another idea was merged into this one: its support counts here.";
    public const string UnmergedNote = "The merge was undone: its own support is back.";
    public const string UndoneNote = "A merge into this idea was undone: that idea's support went back to it.";

    private static string? RoundNote(int? round, string? note) =>
        round is not { } n ? note : note is { Length: > 0 } ? $"Review round {n} result: {note}" : $"Review round {n} result.";

    private static string Note(string reasonCode, string? note) => note is { Length: > 0 } ? $"{reasonCode}: {note}" : reasonCode;
}
