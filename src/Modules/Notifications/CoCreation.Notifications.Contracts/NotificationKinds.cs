namespace CoCreation.Notifications.Contracts;

/// <summary>The kinds of notification a member receives, and sets a delivery for, each by name.</summary>
public static class NotificationKinds
{
    /// <summary>An idea I author, support or commented on changed status (with the brand's or moderation's note).</summary>
    public const string IdeaStatus = "idea-status";
    /// <summary>An author invited me to co-author their idea.</summary>
    public const string CoAuthorInvitation = "coauthor-invitation";
    /// <summary>Moderation rejected or hid what I wrote (with the way to appeal).</summary>
    public const string ModerationDecision = "moderation-decision";
    /// <summary>An idea I author reached a milestone.</summary>
    public const string Milestone = "milestone";
    /// <summary>Money was credited to me: a prize part or royalties.</summary>
    public const string Reward = "reward";
    /// <summary>Someone replied to my comment.</summary>
    public const string Reply = "reply";

    public static readonly IReadOnlyList<string> All = [IdeaStatus, CoAuthorInvitation, ModerationDecision, Milestone, Reward, Reply];
}

/// <summary>How a member wants a kind delivered: in the app only, also by e-mail at once, or also in a daily or weekly digest mail.</summary>
public static class Deliveries
{
    public const string InApp = "in-app";
    public const string Email = "email";
    public const string Daily = "daily";
    public const string Weekly = "weekly";

    public static readonly IReadOnlyList<string> All = [InApp, Email, Daily, Weekly];
    public static readonly IReadOnlyList<string> Digests = [Daily, Weekly];
}

/// <summary>The facts a brand organisation's webhook endpoint subscribes to, about the campaigns it runs.</summary>
public static class WebhookKinds
{
    public const string IdeaSubmitted = "idea.submitted";
    public const string IdeaStatusChanged = "idea.status-changed";
    public const string MilestoneReached = "idea.milestone-reached";
    public const string IdeaMerged = "idea.merged";
    public const string IdeaUnmerged = "idea.unmerged";
    public const string CommentPosted = "comment.posted";
    public const string CampaignClosed = "campaign.closed";

    public static readonly IReadOnlyList<string> All = [IdeaSubmitted, IdeaStatusChanged, MilestoneReached, IdeaMerged, IdeaUnmerged, CommentPosted, CampaignClosed];
}
