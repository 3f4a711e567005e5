namespace CoCreation.Ideation.Contracts;

/// <summary>A new idea or a new revision waits for screening and moderation; Attachments: the revision's files, part of its content.</summary>
public sealed record IdeaSubmittedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    int Revision,
    string SubmittedBy,
    IReadOnlyList<string> Authors,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<IdeaAttachment>? Attachments = null);

/// <summary>An idea passed moderation and is public: voting may start.</summary>
public sealed record IdeaPublishedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    IReadOnlyList<string> Authors,
    DateTimeOffset PublishedAt);

/// <summary>A co-author accepted an invitation: they are an author of the idea from now on, and a contributor of its current revision.</summary>
public sealed record IdeaCoAuthorJoinedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    string CoAuthor,
    IReadOnlyList<string> Authors,
    int Revision,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    DateTimeOffset JoinedAt,
    IReadOnlyList<IdeaAttachment>? Attachments = null);

/// <summary>Any change of an idea's public status (the timeline's statuses), for modules that follow the lifecycle; Authors: its authors then.</summary>
public sealed record IdeaStatusChangedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    string Status,
    string? Note,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    IReadOnlyList<string>? Authors = null);

/// <summary>The brand selected the idea: prizes, points and the licence follow.</summary>
public sealed record IdeaSelectedIntegrationEvent(
    Guid IdeaId,
    Guid CampaignId,
    IReadOnlyList<string> Authors,
    string SelectedBy,
    DateTimeOffset SelectedAt);

/// <summary>
/// A comment is public at once; Moderation screens it afterwards and counts its flags. ReplyTo and RepliedTo: the
/// comment it answers and that comment's author, for a reply.
/// </summary>
public sealed record CommentPostedIntegrationEvent(Guid CommentId, Guid IdeaId, Guid CampaignId, string Text, string PostedBy, DateTimeOffset PostedAt,
    Guid? ReplyTo = null, string? RepliedTo = null);

/// <summary>An idea's author invited a member to co-author it: the invitee decides (and is told).</summary>
public sealed record CoAuthorInvitedIntegrationEvent(Guid IdeaId, Guid CampaignId, string Invitee, string InvitedBy, DateTimeOffset InvitedAt);

/// <summary>A comment's author changed its text (Revision 2 onwards): screened again like a new comment.</summary>
public sealed record CommentEditedIntegrationEvent(Guid CommentId, Guid IdeaId, Guid CampaignId, string Text, int Revision, string EditedBy, DateTimeOffset EditedAt);

/// <summary>
/// Idea <see cref="IdeaId"/> was merged into <see cref="IntoIdeaId"/>: Voting moves its support there (a member who
/// supported both counts once), its authors are offered co-authorship of the target. MergeId names this merge for its undo.
/// </summary>
public sealed record IdeaMergedIntegrationEvent(
    Guid IdeaId, Guid IntoIdeaId, Guid CampaignId, Guid MergeId, string? Note, IReadOnlyList<string> Authors, IReadOnlyList<string> IntoAuthors,
    string Title, string IntoTitle, string MergedBy, DateTimeOffset MergedAt);

/// <summary>The merge <see cref="MergeId"/> of <see cref="IdeaId"/> into <see cref="FromIdeaId"/> was undone: the idea is back in RestoredStatus, and Voting restores its own support.</summary>
public sealed record IdeaUnmergedIntegrationEvent(
    Guid IdeaId, Guid FromIdeaId, Guid CampaignId, Guid MergeId, string? Note, string RestoredStatus, DateTimeOffset MergedAt,
    IReadOnlyList<string> Authors, IReadOnlyList<string> FromAuthors, string Title, string FromTitle, string UnmergedBy, DateTimeOffset UnmergedAt);
