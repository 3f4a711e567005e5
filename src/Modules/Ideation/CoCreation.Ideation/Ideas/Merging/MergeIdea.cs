using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas.CoAuthoring;
using CoCreation.Ideation.Ideas.Withdrawing;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Merging;

public sealed record MergeRequest(Guid? Into, string? Note);

/// <summary>Merge idea <see cref="IdeaId"/> (the duplicate) into <see cref="Into"/>; by a moderator, or a brand member of the campaign's organisation.</summary>
public sealed record MergeIdea(Guid IdeaId, Guid Into, string? Note, string By, bool ByModerator, string? Organisation);

public sealed record MergeResponse(Guid Id, IdeaStatus Status, Guid MergedInto, IReadOnlyList<string> OfferedCoAuthorship);

/// <summary>What a merge appends: the duplicate's and the target's events, and the invitations it offers on the target.</summary>
public sealed record MergeDecision(IdeaMerged Merged, IdeaMergeReceived Received, IReadOnlyList<CoAuthorInvited> Invitations);

public static class MergeIdeaHandler
{
    public const int MaxNote = 2_000;

    public static MergeIdea ToCommand(MergeRequest request, Guid ideaId, string by, bool byModerator, string? organisation)
    {
        new Validation()
            .Require(request.Into is { } into && into != Guid.Empty, "into", "'into' is required: the id of the idea this one duplicates.")
            .Require(request.Into != ideaId, "into", "An idea cannot be merged into itself.")
            .Require(request.Note is null || request.Note.Length <= MaxNote, "note", $"'note' must be at most {MaxNote} characters.")
            .ThrowIfInvalid();
        return new MergeIdea(ideaId, request.Into!.Value, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), by, byModerator, organisation);
    }

    /// <summary>
    /// The duplicate must be Published (open for support) and the target public and still taking support (Published or
    /// UnderReview), both in one campaign; nobody merges an idea they author. The duplicate's authors not yet on the
    /// target are offered co-authorship, as many as the target's authors' cap allows.
    /// </summary>
    public static MergeDecision Decide(Idea duplicate, Idea target, MergeIdea command, Guid mergeId, DateTimeOffset now)
    {
        if (duplicate.CampaignId != target.CampaignId)
            throw new RuleViolated("ideas-in-different-campaigns", $"Idea {duplicate.Id} and idea {target.Id} belong to different campaigns; only ideas of one campaign are merged.");
        if (duplicate.IsAuthor(command.By) || target.IsAuthor(command.By))
            throw new Forbidden("own-idea", "Nobody merges an idea they author; another moderator or the brand decides.");
        if (duplicate.Status != IdeaStatus.Published)
            throw IdeaStreams.WrongStatus(duplicate, "idea-not-mergeable", "it can be merged into another", IdeaStatus.Published);
        if (target.Status is not (IdeaStatus.Published or IdeaStatus.UnderReview))
            throw new RuleViolated("merge-target-not-open", $"Idea {target.Id} is {target.Status}; an idea is merged only into one that is Published or UnderReview.");

        var room = InviteCoAuthorHandler.MaxAuthors - target.Authors.Count - target.Invitations.Count;
        var offered = duplicate.Authors.Where(a => !target.IsAuthor(a) && !target.Invitations.Contains(a)).Take(Math.Max(0, room)).ToList();
        return new MergeDecision(
            new IdeaMerged(duplicate.Id, duplicate.CampaignId, mergeId, target.Id, duplicate.Status, offered, command.Note, command.By, now),
            new IdeaMergeReceived(target.Id, target.CampaignId, mergeId, duplicate.Id, command.By, now),
            offered.Select(a => new CoAuthorInvited(target.Id, target.CampaignId, a, command.By, now)).ToList());
    }

    public static async Task<(MergeResponse, OutgoingMessages)> Handle(MergeIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (duplicateStream, duplicate) = await IdeaStreams.Load(session, command.IdeaId, token);
        if (!command.ByModerator) await IdeaStreams.EnsureRunBy(session, duplicate, command.Organisation, token);
        var (targetStream, target) = await IdeaStreams.Load(session, command.Into, token);
        // Another campaign's idea is, for a brand, an idea that does not exist.
        if (!command.ByModerator && target.CampaignId != duplicate.CampaignId) throw new NotFound("idea", command.Into);

        var decision = Decide(duplicate, target, command, Guid.CreateVersion7(), clock.GetUtcNow());
        var merged = decision.Merged;
        duplicateStream.AppendOne(merged);
        targetStream.AppendOne(decision.Received);
        foreach (var invited in decision.Invitations) targetStream.AppendOne(invited);

        OutgoingMessages outgoing =
        [
            IdeaStreams.StatusChanged(duplicate, IdeaStatus.Merged, MergeNotes.Merged(target.Title, merged.Note), command.By, merged.MergedAt),
            new IdeaMergedIntegrationEvent(duplicate.Id, target.Id, duplicate.CampaignId, merged.MergeId, merged.Note, duplicate.Authors, target.Authors,
                duplicate.Title, target.Title, command.By, merged.MergedAt)
        ];
        outgoing.AddRange(decision.Invitations.Select(i => new CoAuthorInvitedIntegrationEvent(i.IdeaId, i.CampaignId, i.Invitee, i.InvitedBy, i.InvitedAt)));
        return (new MergeResponse(duplicate.Id, IdeaStatus.Merged, target.Id, merged.OfferedCoAuthorship), outgoing);
    }
}

/// <summary>The timeline's and notifications' words for a merge.</summary>
public static class MergeNotes
{
    public static string Merged(string intoTitle, string? note) =>
        $"Merged into “{intoTitle}”: its support now counts there." + (note is { Length: > 0 } ? $" {note}" : "");

    public static string Unmerged(string fromTitle, string? note) =>
        $"The merge into “{fromTitle}” was undone: its own support is back." + (note is { Length: > 0 } ? $" {note}" : "");
}
