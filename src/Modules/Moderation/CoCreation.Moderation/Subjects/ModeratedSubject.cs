using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Moderation.Queue;

namespace CoCreation.Moderation.Subjects;

/// <summary>Moderation's own record of an idea or comment it screens, from Ideation's messages; ParentId: a comment's idea.</summary>
public sealed record SubjectRecorded(
    Guid SubjectStreamId, string SubjectType, Guid SubjectId, Guid CampaignId, IReadOnlyList<string> Authors,
    string Text, int Revision, DateTimeOffset RecordedAt, Guid? ParentId = null) : ICampaignScoped;

public sealed record SubjectRevised(
    Guid SubjectStreamId, Guid SubjectId, Guid CampaignId, IReadOnlyList<string> Authors, string Text, int Revision, DateTimeOffset RevisedAt) : ICampaignScoped;

public sealed record SubjectFlagged(Guid SubjectStreamId, Guid SubjectId, Guid CampaignId, string FlaggedBy, string Reason, DateTimeOffset FlaggedAt) : ICampaignScoped;

/// <summary>Distinct flags reached the campaign's threshold: the subject is hidden until a moderator decides.</summary>
public sealed record SubjectHiddenByFlags(Guid SubjectStreamId, Guid SubjectId, Guid CampaignId, int Flags, Guid ItemId, DateTimeOffset HiddenAt) : ICampaignScoped;

/// <summary>A moderator's (or screening's) decision, as it bears on the subject: whether the public sees it.</summary>
public sealed record SubjectModerated(Guid SubjectStreamId, Guid SubjectId, Guid CampaignId, Guid ItemId, ModerationDecision Decision, DateTimeOffset At) : ICampaignScoped;

/// <summary>A co-author joined the idea: they are one of its authors for moderation too (no deciding on it, appeals).</summary>
public sealed record SubjectAuthorsNoted(Guid SubjectStreamId, Guid SubjectId, Guid CampaignId, IReadOnlyList<string> Authors, DateTimeOffset NotedAt) : ICampaignScoped;

/// <summary>Ideation's public status of an idea changed: whether members can see (and flag) it.</summary>
public sealed record SubjectStatusNoted(Guid SubjectStreamId, Guid SubjectId, Guid CampaignId, string Status, bool Public, DateTimeOffset NotedAt) : ICampaignScoped;

/// <summary>
/// An idea or comment as Moderation knows it: authors, current text (for near-duplicates), whether it is public,
/// who flagged it. Flags count again from zero after a moderator approves what flags had hidden.
/// </summary>
public sealed record ModeratedSubject(
    Guid Id, string SubjectType, Guid SubjectId, Guid CampaignId, IReadOnlyList<string> Authors, string Text, int Revision,
    DateTimeOffset RecordedAt, bool Public, bool HiddenByFlags, IReadOnlyList<string> Flaggers, int FlagsCounted, Guid? ParentId = null)
{
    public static Guid StreamIdFor(Guid subjectId) => StreamIds.Derive("moderation-subject", subjectId);

    /// <summary>Flags since the last time a moderator cleared the subject.</summary>
    public int ActiveFlags => Flaggers.Count - FlagsCounted;

    public static ModeratedSubject Create(SubjectRecorded e) =>
        new(e.SubjectStreamId, e.SubjectType, e.SubjectId, e.CampaignId, e.Authors, e.Text, e.Revision, e.RecordedAt,
            // Comments are public at once (post-moderation); ideas once a moderator approves them.
            e.SubjectType == Contracts.SubjectTypes.Comment, false, [], 0, e.ParentId);

    /// <summary>A comment is out of view when the idea it belongs to is (Moderation follows the idea's public status).</summary>
    public bool PublicWith(ModeratedSubject? parent) => Public && parent?.Public != false;

    public ModeratedSubject Apply(SubjectRevised e) => this with { Authors = e.Authors, Text = e.Text, Revision = e.Revision };

    public ModeratedSubject Apply(SubjectFlagged e) => this with { Flaggers = [.. Flaggers, e.FlaggedBy] };

    public ModeratedSubject Apply(SubjectHiddenByFlags _) => this with { Public = false, HiddenByFlags = true };

    /// <summary>For comments the decision says whether the public sees it; for ideas Ideation's status does (<see cref="SubjectStatusNoted"/>).</summary>
    public ModeratedSubject Apply(SubjectModerated e) => e.Decision == ModerationDecision.Approve
        ? this with { Public = SubjectType == Contracts.SubjectTypes.Comment || Public, HiddenByFlags = false, FlagsCounted = Flaggers.Count }
        : this with { Public = SubjectType != Contracts.SubjectTypes.Comment && Public, HiddenByFlags = false };

    public ModeratedSubject Apply(SubjectStatusNoted e) => this with { Public = e.Public };

    public ModeratedSubject Apply(SubjectAuthorsNoted e) => this with { Authors = e.Authors };

    /// <summary>What a moderator reads in the queue: an idea's title (its text's first line) and the start of the rest.</summary>
    public (string? Title, string Excerpt) Summary()
    {
        var text = Text ?? "";
        if (SubjectType != Contracts.SubjectTypes.Idea) return (null, Cut(text));
        var newline = text.IndexOf('\n');
        return newline < 0 ? (text, "") : (text[..newline], Cut(text[(newline + 1)..]));
    }

    private static string Cut(string text) => text.Length <= 280 ? text.Trim() : text[..280].TrimEnd() + "…";
}
