using CoCreation.Notifications.Contracts;
using Microsoft.Extensions.Localization;

namespace CoCreation.Notifications.Feed;

/// <summary>A notification as a sentence and a link, in the reader's language; the idea's title is read now, not stored with the notification.</summary>
public static class NotificationText
{
    public static string Of(NotificationView n, string? title, IStringLocalizer L)
    {
        var idea = string.IsNullOrEmpty(title) ? L["an idea"].Value : $"“{title}”";
        // Notes end with their own full stop; the sentence adds one.
        var detail = n.Detail?.TrimEnd('.', ' ') ?? "";
        return n.Kind switch
        {
            NotificationKinds.IdeaStatus => L["{0} changed: {1}.", idea, detail],
            NotificationKinds.CoAuthorInvitation => L["{0} invites you to co-author {1}.", n.Actor ?? "", idea],
            NotificationKinds.ModerationDecision => L["A moderator decided on what you wrote on {0}: {1}. You may appeal once.", idea, detail],
            NotificationKinds.Milestone => L["{0} reached milestone {1}.", idea, detail],
            NotificationKinds.Reward => L["{0} credited to you for {1}.", detail, idea],
            NotificationKinds.Reply => L["{0} replied to your comment on {1}.", n.Actor ?? "", idea],
            _ => n.Kind
        };
    }

    /// <summary>Where the notification leads: the idea (its appeal form for a moderation decision), or the member's page.</summary>
    public static string LinkOf(NotificationView n) => n.IdeaId is not { } idea ? "/me"
        : n.Kind == NotificationKinds.ModerationDecision ? $"/ideas/{idea}#appeal"
        : n.Kind == NotificationKinds.Reply ? $"/ideas/{idea}#comment-{n.SubjectId}"
        : $"/ideas/{idea}";

    public static string KindName(string kind, IStringLocalizer L) => kind switch
    {
        NotificationKinds.IdeaStatus => L["Status changes of ideas I follow"],
        NotificationKinds.CoAuthorInvitation => L["Invitations to co-author"],
        NotificationKinds.ModerationDecision => L["Moderation decisions on what I wrote"],
        NotificationKinds.Milestone => L["Milestones of my ideas"],
        NotificationKinds.Reward => L["Rewards paid to me"],
        NotificationKinds.Reply => L["Replies to my comments"],
        _ => kind
    };
}
