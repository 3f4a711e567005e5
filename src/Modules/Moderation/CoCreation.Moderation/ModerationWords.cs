using CoCreation.Moderation.Queue;
using Microsoft.Extensions.Localization;

namespace CoCreation.Moderation;

/// <summary>Moderation's codes (reason codes, subject types, queue reasons, log actions) as a reader's words.</summary>
public static class ModerationWords
{
    public static string ReasonCode(IStringLocalizer L, string? code) => code switch
    {
        null or "" => L["no reason code"],
        "spam" => L["spam"],
        "offensive" => L["offensive"],
        "off-topic" => L["off topic"],
        "ip-infringement" => L["infringes someone’s intellectual property"],
        "duplicate" => L["duplicate"],
        "other" => L["other"],
        _ => code
    };

    public static string SubjectType(IStringLocalizer L, string type) => type switch
    {
        Contracts.SubjectTypes.Idea => L["idea"],
        Contracts.SubjectTypes.Comment => L["comment"],
        _ => type
    };

    public static string QueueReason(IStringLocalizer L, string reason) => reason switch
    {
        "new-idea" => L["new idea"],
        "revised-idea" => L["revised idea"],
        "comment-screening" => L["comment screening"],
        "flagged" => L["flagged by members"],
        _ => reason
    };

    public static string FindingKind(IStringLocalizer L, string kind) => kind switch
    {
        "link-spam" => L["Too many links"],
        "blocked-host" => L["Blocked host"],
        "banned-term" => L["Banned term"],
        "near-duplicate" => L["Near-duplicate"],
        "flags" => L["Members’ flags"],
        "blocked-file" => L["A file on the block list"],
        "file-type" => L["File type not allowed"],
        "file-size" => L["File too large"],
        _ => kind
    };

    public static string Decision(IStringLocalizer L, ModerationItemStatus status) => status switch
    {
        ModerationItemStatus.Approved => L["approved"],
        ModerationItemStatus.Rejected => L["rejected"],
        ModerationItemStatus.Hidden => L["hidden"],
        ModerationItemStatus.Superseded => L["replaced by a newer revision"],
        _ => L["waiting for a decision"]
    };

    public static string LogAction(IStringLocalizer L, string action) => action switch
    {
        "Recorded" => L["Recorded"],
        "Revised" => L["Revised"],
        "Queued" => L["Queued"],
        "Screened" => L["Screened"],
        "Decided" => L["Decided"],
        "Appealed" => L["Appealed"],
        "Flagged" => L["Flagged"],
        "HiddenByFlags" => L["Hidden by flags"],
        "AuthorBanned" => L["Author banned"],
        _ => action
    };
}
