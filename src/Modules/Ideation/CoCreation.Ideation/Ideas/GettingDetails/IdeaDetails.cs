using CoCreation.Ideation.Ideas.Merging;
using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Ideas.GettingDetails;

/// <summary>The idea as the contract shows it; also what the campaign's idea list pages through.</summary>
public sealed record IdeaDetails(
    Guid Id, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors, IdeaStatus Status, int Revision, int Supporters, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<string> Invitations, IReadOnlyList<Guid>? OpenDisputes = null, Guid? MergedInto = null,
    IReadOnlyList<CoCreation.Ideation.Contracts.IdeaAttachment>? Attachments = null)
{
    /// <summary>True while an intellectual-property dispute is open: the brand cannot select the idea.</summary>
    public bool SelectionFrozen => OpenDisputes is { Count: > 0 };
}

public sealed class IdeaDetailsProjection : SingleStreamProjection<IdeaDetails, Guid>
{
    public static IdeaDetails Create(IdeaSubmitted e) =>
        new(e.IdeaId, e.CampaignId, e.Title, e.Description, e.Tags, [e.SubmittedBy], IdeaStatus.Submitted, 1, 0, e.SubmittedAt, e.SubmittedAt, [],
            Attachments: e.Attachments ?? []);

    public static IdeaDetails Apply(IdeaRevised e, IdeaDetails v) => v with
    {
        Title = e.Title, Description = e.Description, Tags = e.Tags, Revision = e.Revision, Status = IdeaStatus.Submitted, UpdatedAt = e.RevisedAt,
        Attachments = e.Attachments ?? []
    };

    public static IdeaDetails Apply(IdeaPublished e, IdeaDetails v) => v with { Status = IdeaStatus.Published, UpdatedAt = e.PublishedAt };
    public static IdeaDetails Apply(IdeaRejected e, IdeaDetails v) => v with { Status = IdeaStatus.Rejected, UpdatedAt = e.RejectedAt };
    public static IdeaDetails Apply(IdeaHidden e, IdeaDetails v) => v with { Status = IdeaStatus.Hidden, UpdatedAt = e.HiddenAt };
    public static IdeaDetails Apply(IdeaHideLifted e, IdeaDetails v) => v with { Status = e.RestoredStatus, UpdatedAt = e.LiftedAt };
    public static IdeaDetails Apply(IdeaWithdrawn e, IdeaDetails v) => v with { Status = IdeaStatus.Withdrawn, UpdatedAt = e.WithdrawnAt };
    public static IdeaDetails Apply(CoAuthorInvited e, IdeaDetails v) => v with { Invitations = [.. v.Invitations, e.Invitee] };

    public static IdeaDetails Apply(CoAuthorJoined e, IdeaDetails v) => v with
    {
        Authors = [.. v.Authors, e.CoAuthor], Invitations = [.. v.Invitations.Where(i => i != e.CoAuthor)], UpdatedAt = e.JoinedAt
    };

    public static IdeaDetails Apply(IdeaMovedToReview e, IdeaDetails v) => v with { Status = IdeaStatus.UnderReview, UpdatedAt = e.MovedAt };
    public static IdeaDetails Apply(IdeaExpired e, IdeaDetails v) => v with { Status = IdeaStatus.Expired, UpdatedAt = e.ExpiredAt };
    public static IdeaDetails Apply(IdeaSelected e, IdeaDetails v) => v with { Status = IdeaStatus.Selected, UpdatedAt = e.DecidedAt };
    public static IdeaDetails Apply(IdeaNotSelected e, IdeaDetails v) => v with { Status = IdeaStatus.NotSelected, UpdatedAt = e.DecidedAt };
    public static IdeaDetails Apply(IdeaProgressPosted e, IdeaDetails v) => v with { Status = e.Status ?? v.Status, UpdatedAt = e.PostedAt };
    public static IdeaDetails Apply(IdeaDisputeOpened e, IdeaDetails v) => v with { OpenDisputes = [.. v.OpenDisputes ?? [], e.DisputeId] };
    public static IdeaDetails Apply(IdeaDisputeClosed e, IdeaDetails v) => v with { OpenDisputes = [.. (v.OpenDisputes ?? []).Where(d => d != e.DisputeId)] };
    public static IdeaDetails Apply(IdeaSupportersCounted e, IdeaDetails v) => v with { Supporters = e.Supporters };
    public static IdeaDetails Apply(IdeaMerged e, IdeaDetails v) => v with { Status = IdeaStatus.Merged, MergedInto = e.Into, UpdatedAt = e.MergedAt };
    public static IdeaDetails Apply(IdeaUnmerged e, IdeaDetails v) => v with { Status = e.RestoredStatus, MergedInto = null, UpdatedAt = e.UnmergedAt };
    public static IdeaDetails Apply(IdeaMergeReceived e, IdeaDetails v) => v with { UpdatedAt = e.MergedAt };
    public static IdeaDetails Apply(IdeaMergeUndone e, IdeaDetails v) => v with { UpdatedAt = e.UnmergedAt };
    public static IdeaDetails Apply(CoAuthorInvitationWithdrawn e, IdeaDetails v) => v with { Invitations = [.. v.Invitations.Where(i => i != e.Invitee)] };
}
