using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.Ideation.Ideas.Merging;

namespace CoCreation.Ideation.Ideas;

public enum IdeaStatus
{
    Submitted, Published, Rejected, Hidden, Expired, UnderReview, Selected, NotSelected, InProduction, Launched, Withdrawn, Merged
}

public sealed record IdeaSubmitted(
    Guid IdeaId, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags,
    string SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null) : ICampaignScoped;

public sealed record IdeaRevised(
    Guid IdeaId, Guid CampaignId, int Revision, string Title, string Description, IReadOnlyList<string> Tags,
    string RevisedBy, DateTimeOffset RevisedAt, IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null) : ICampaignScoped;

public sealed record IdeaPublished(Guid IdeaId, Guid CampaignId, Guid ModerationItemId, string DecidedBy, DateTimeOffset PublishedAt) : ICampaignScoped;

public sealed record IdeaRejected(
    Guid IdeaId, Guid CampaignId, Guid ModerationItemId, string ReasonCode, [NotMemberWritten("the moderator's note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string? Note, string DecidedBy, DateTimeOffset RejectedAt) : ICampaignScoped;

/// <summary>
/// Hidden by moderation (Source "moderation", naming the item), an upheld IP dispute ("dispute") or a ban ("ban").
/// Each is a hold: the idea stays hidden until every hold is lifted.
/// </summary>
public sealed record IdeaHidden(
    Guid IdeaId, Guid CampaignId, string Source, string ReasonCode, [NotMemberWritten("the moderator's note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string? Note, string HiddenBy, DateTimeOffset HiddenAt,
    Guid? ModerationItemId = null) : ICampaignScoped;

/// <summary>A moderator approved the item that hid the idea: that hold is lifted; with none left the idea returns to <see cref="RestoredStatus"/>.</summary>
public sealed record IdeaHideLifted(Guid IdeaId, Guid CampaignId, Guid ModerationItemId, IdeaStatus RestoredStatus, string LiftedBy, DateTimeOffset LiftedAt) : ICampaignScoped;

public sealed record HideHold(string Source, Guid? ModerationItemId);

public sealed record IdeaWithdrawn(Guid IdeaId, Guid CampaignId, string WithdrawnBy, DateTimeOffset WithdrawnAt) : ICampaignScoped;

public sealed record CoAuthorInvited(Guid IdeaId, Guid CampaignId, string Invitee, string InvitedBy, DateTimeOffset InvitedAt) : ICampaignScoped;

public sealed record CoAuthorJoined(Guid IdeaId, Guid CampaignId, string CoAuthor, DateTimeOffset JoinedAt) : ICampaignScoped;

public sealed record IdeaMilestoneReached(Guid IdeaId, Guid CampaignId, int MilestoneIndex, int Supporters, DateTimeOffset ReachedAt) : ICampaignScoped;

public sealed record IdeaMovedToReview(Guid IdeaId, Guid CampaignId, int Supporters, DateTimeOffset MovedAt) : ICampaignScoped;

public sealed record IdeaExpired(Guid IdeaId, Guid CampaignId, int MilestoneIndex, int Supporters, DateTimeOffset Deadline, DateTimeOffset ExpiredAt) : ICampaignScoped;

/// <summary>Round: the review round whose results published the decision (docs/adr/0034); null for a decision taken on its own.</summary>
public sealed record IdeaSelected(Guid IdeaId, Guid CampaignId, [NotMemberWritten("the brand's decision note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string? Note, string DecidedBy, DateTimeOffset DecidedAt, int? Round = null) : ICampaignScoped;

public sealed record IdeaNotSelected(Guid IdeaId, Guid CampaignId, [NotMemberWritten("the brand's decision note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string? Note, string DecidedBy, DateTimeOffset DecidedAt, int? Round = null) : ICampaignScoped;

/// <summary>A brand's public progress note; with a status it also moves the idea to InProduction or Launched.</summary>
public sealed record IdeaProgressPosted(Guid IdeaId, Guid CampaignId, IdeaStatus? Status, [NotMemberWritten("the brand's progress note, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Note, string PostedBy, DateTimeOffset PostedAt) : ICampaignScoped;

public sealed record IdeaDisputeOpened(Guid IdeaId, Guid CampaignId, Guid DisputeId, DateTimeOffset OpenedAt) : ICampaignScoped;

public sealed record IdeaDisputeClosed(Guid IdeaId, Guid CampaignId, Guid DisputeId, string Outcome, DateTimeOffset ClosedAt) : ICampaignScoped;

public sealed record IdeaSupportersCounted(Guid IdeaId, Guid CampaignId, int Supporters, long TallyVersion, DateTimeOffset CountedAt) : ICampaignScoped;

/// <summary>The idea's write model: what its decisions need.</summary>
public sealed record Idea(
    Guid Id, Guid CampaignId, IdeaStatus Status, int Revision, IReadOnlyList<string> Authors,
    IReadOnlyList<string> Invitations, IReadOnlyList<Guid> OpenDisputes, string Title, string Description,
    IReadOnlyList<string> Tags, long TallyVersion = 0, IReadOnlyList<Guid>? ResolvedDisputes = null,
    IReadOnlyList<HideHold>? Holds = null, IdeaStatus? StatusBeforeHidden = null,
    Guid? MergedInto = null, Guid? MergeId = null, IdeaStatus? StatusBeforeMerge = null, DateTimeOffset? MergedAt = null,
    IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null)
{
    public bool HiddenByItem(Guid itemId) => Status == IdeaStatus.Hidden && Holds?.Any(h => h.Source == "moderation" && h.ModerationItemId == itemId) == true;

    /// <summary>The status the idea returns to once the given item's hold is lifted (Hidden while other holds remain).</summary>
    public IdeaStatus AfterLifting(Guid itemId) =>
        Holds?.Count(h => !(h.Source == "moderation" && h.ModerationItemId == itemId)) > 0 ? IdeaStatus.Hidden : StatusBeforeHidden ?? IdeaStatus.Published;

    public string Owner => Authors[0];

    public bool IsAuthor(string member) => Authors.Contains(member);

    public static Idea Create(IdeaSubmitted e) =>
        new(e.IdeaId, e.CampaignId, IdeaStatus.Submitted, 1, [e.SubmittedBy], [], [], e.Title, e.Description, e.Tags, Attachments: e.Attachments ?? []);

    public Idea Apply(IdeaRevised e) => this with
    {
        Status = IdeaStatus.Submitted, Revision = e.Revision, Title = e.Title, Description = e.Description, Tags = e.Tags, Attachments = e.Attachments ?? []
    };

    public Idea Apply(IdeaPublished _) => this with { Status = IdeaStatus.Published };
    public Idea Apply(IdeaRejected _) => this with { Status = IdeaStatus.Rejected };
    public Idea Apply(IdeaHidden e) => this with
    {
        StatusBeforeHidden = Status == IdeaStatus.Hidden ? StatusBeforeHidden : Status,
        Status = IdeaStatus.Hidden,
        Holds = [.. Holds ?? [], new HideHold(e.Source, e.ModerationItemId)]
    };

    public Idea Apply(IdeaHideLifted e) => this with
    {
        Holds = [.. (Holds ?? []).Where(h => !(h.Source == "moderation" && h.ModerationItemId == e.ModerationItemId))],
        Status = e.RestoredStatus,
        StatusBeforeHidden = e.RestoredStatus == IdeaStatus.Hidden ? StatusBeforeHidden : null
    };
    public Idea Apply(IdeaWithdrawn _) => this with { Status = IdeaStatus.Withdrawn };
    public Idea Apply(CoAuthorInvited e) => this with { Invitations = [.. Invitations, e.Invitee] };
    public Idea Apply(CoAuthorJoined e) => this with { Authors = [.. Authors, e.CoAuthor], Invitations = [.. Invitations.Where(i => i != e.CoAuthor)] };
    public Idea Apply(IdeaMilestoneReached _) => this;
    public Idea Apply(IdeaMovedToReview _) => this with { Status = IdeaStatus.UnderReview };
    public Idea Apply(IdeaExpired _) => this with { Status = IdeaStatus.Expired };
    public Idea Apply(IdeaSelected _) => this with { Status = IdeaStatus.Selected };
    public Idea Apply(IdeaNotSelected _) => this with { Status = IdeaStatus.NotSelected };
    public Idea Apply(IdeaProgressPosted e) => e.Status is { } status ? this with { Status = status } : this;
    public Idea Apply(IdeaDisputeOpened e) => this with { OpenDisputes = [.. OpenDisputes, e.DisputeId] };
    public Idea Apply(IdeaDisputeClosed e) => this with
    {
        OpenDisputes = [.. OpenDisputes.Where(d => d != e.DisputeId)], ResolvedDisputes = [.. ResolvedDisputes ?? [], e.DisputeId]
    };

    public bool KnowsDispute(Guid disputeId) => OpenDisputes.Contains(disputeId) || ResolvedDisputes?.Contains(disputeId) == true;
    public Idea Apply(IdeaSupportersCounted e) => this with { TallyVersion = e.TallyVersion };
    public Idea Apply(IdeaMerged e) => this with
    {
        Status = IdeaStatus.Merged, MergedInto = e.Into, MergeId = e.MergeId, StatusBeforeMerge = e.StatusBefore, MergedAt = e.MergedAt
    };
    public Idea Apply(IdeaUnmerged e) => this with { Status = e.RestoredStatus, MergedInto = null, MergeId = null, StatusBeforeMerge = null, MergedAt = null };
    public Idea Apply(IdeaMergeReceived _) => this;
    public Idea Apply(IdeaMergeUndone _) => this;
    public Idea Apply(CoAuthorInvitationWithdrawn e) => this with { Invitations = [.. Invitations.Where(i => i != e.Invitee)] };
}
