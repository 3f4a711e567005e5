using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Subjects;
using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.Moderation.Appeals;

public sealed record AppealRequest([property: Required] string? Statement);

public sealed record AppealDecision([property: JasperFx.Identity] Guid ItemId, string Statement, string By);

public sealed record AppealResponse(Guid Id, ModerationItemStatus Status, bool Appeal);

public static class AppealDecisionHandler
{
    public static AppealDecision ToCommand(AppealRequest? request, Guid itemId, string by)
    {
        new Validation().Length(request?.Statement, "statement", 1, 2_000).ThrowIfInvalid();
        return new AppealDecision(itemId, request!.Statement!.Trim(), by);
    }

    /// <summary>An author may appeal a rejection or hiding once; the item returns to the queue marked as an appeal.</summary>
    public static ModerationItemAppealed Decide(ModerationItem item, IReadOnlyList<string> authors, AppealDecision command, DateTimeOffset now)
    {
        if (!authors.Contains(command.By))
            throw new Forbidden("not-your-subject", "Only an author of the idea or comment may appeal its moderation.");
        if (item.Final)
            throw new RuleViolated("decision-final", $"Moderation item {item.Id} was decided for good ({item.Status}); it cannot be appealed.");
        if (item.Appealed)
            throw new RuleViolated("already-appealed", $"Moderation item {item.Id} was already appealed; the decision on appeal is final.");
        if (item.Status is not (ModerationItemStatus.Rejected or ModerationItemStatus.Hidden))
            throw new RuleViolated("not-appealable", $"Only a rejection or a hiding can be appealed; item {item.Id} is {item.Status}.");
        return new ModerationItemAppealed(item.Id, item.CampaignId, item.SubjectId, command.Statement, command.By, now);
    }

    /// <summary>
    /// Wolverine's aggregate handler workflow fetches the item's stream for writing (by <c>ItemId</c>, marked as its
    /// identity), appends the returned events and commits them; a missing item is the module's own 404.
    /// </summary>
    public static async Task<(AppealResponse, Events, OutgoingMessages)> Handle(AppealDecision command,
        [WriteAggregate(Required = false)] ModerationItem? item, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        if (item is null) throw new NotFound("moderation item", command.ItemId);
        var subject = await session.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(item.SubjectId), token);
        var authors = subject?.Authors ?? [item.Author];
        var appealed = Decide(item, authors, command, clock.GetUtcNow());
        return (new AppealResponse(item.Id, ModerationItemStatus.Pending, true), [appealed],
            [new DecisionAppealedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.CampaignId, command.By, appealed.AppealedAt)]);
    }
}
