using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Merging;

public sealed record UnmergeRequest(string? Note);

public sealed record UnmergeIdea(Guid IdeaId, string? Note, string By, bool ByModerator, string? Organisation);

public sealed record UnmergeResponse(Guid Id, IdeaStatus Status, Guid UnmergedFrom, IReadOnlyList<string> InvitationsWithdrawn);

public sealed record UnmergeDecision(IdeaUnmerged Unmerged, IdeaMergeUndone Undone, IReadOnlyList<CoAuthorInvitationWithdrawn> Withdrawn);

public static class UnmergeIdeaHandler
{
    public static UnmergeIdea ToCommand(UnmergeRequest request, Guid ideaId, string by, bool byModerator, string? organisation)
    {
        new Validation()
            .Require(request.Note is null || request.Note.Length <= MergeIdeaHandler.MaxNote, "note", $"'note' must be at most {MergeIdeaHandler.MaxNote} characters.")
            .ThrowIfInvalid();
        return new UnmergeIdea(ideaId, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), by, byModerator, organisation);
    }

    /// <summary>
    /// Restores the idea to the status it had when merged. The invitations the merge offered and that still wait are
    /// withdrawn; an accepted one stays (the member agreed to co-author the target and may have contributed to it).
    /// </summary>
    public static UnmergeDecision Decide(Idea merged, Idea target, UnmergeIdea command, DateTimeOffset now, IReadOnlyList<string> offered)
    {
        if (merged.Status != IdeaStatus.Merged || merged.MergeId is not { } mergeId)
            throw IdeaStreams.WrongStatus(merged, "idea-not-merged", "a merge can be undone", IdeaStatus.Merged);
        if (merged.IsAuthor(command.By) || target.IsAuthor(command.By))
            throw new Forbidden("own-idea", "Nobody unmerges an idea they author; another moderator or the brand decides.");
        var withdrawn = offered.Where(target.Invitations.Contains)
            .Select(i => new CoAuthorInvitationWithdrawn(target.Id, target.CampaignId, i, $"merge-undone:{merged.Id}", command.By, now)).ToList();
        return new UnmergeDecision(
            new IdeaUnmerged(merged.Id, merged.CampaignId, mergeId, target.Id, merged.StatusBeforeMerge ?? IdeaStatus.Published, command.Note, command.By, now),
            new IdeaMergeUndone(target.Id, target.CampaignId, mergeId, merged.Id, command.By, now),
            withdrawn);
    }

    public static async Task<(UnmergeResponse, OutgoingMessages)> Handle(UnmergeIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (mergedStream, merged) = await IdeaStreams.Load(session, command.IdeaId, token);
        if (!command.ByModerator) await IdeaStreams.EnsureRunBy(session, merged, command.Organisation, token);
        if (merged.MergedInto is not { } into)
            throw IdeaStreams.WrongStatus(merged, "idea-not-merged", "a merge can be undone", IdeaStatus.Merged);
        var (targetStream, target) = await IdeaStreams.Load(session, into, token);
        var offered = (await session.Events.FetchStreamAsync(merged.Id, token: token))
            .Select(e => e.Data).OfType<IdeaMerged>().LastOrDefault(m => m.MergeId == merged.MergeId)?.OfferedCoAuthorship ?? [];

        var decision = Decide(merged, target, command, clock.GetUtcNow(), offered);
        var unmerged = decision.Unmerged;
        mergedStream.AppendOne(unmerged);
        targetStream.AppendOne(decision.Undone);
        foreach (var withdrawn in decision.Withdrawn) targetStream.AppendOne(withdrawn);

        var after = merged.Apply(unmerged);
        OutgoingMessages outgoing =
        [
            IdeaStreams.StatusChanged(after, unmerged.RestoredStatus, MergeNotes.Unmerged(target.Title, unmerged.Note), command.By, unmerged.UnmergedAt),
            new IdeaUnmergedIntegrationEvent(merged.Id, target.Id, merged.CampaignId, unmerged.MergeId, unmerged.Note, unmerged.RestoredStatus.ToString(),
                merged.MergedAt ?? unmerged.UnmergedAt, merged.Authors, target.Authors, merged.Title, target.Title, command.By, unmerged.UnmergedAt)
        ];
        return (new UnmergeResponse(merged.Id, unmerged.RestoredStatus, target.Id, decision.Withdrawn.Select(w => w.Invitee).ToList()), outgoing);
    }
}
