using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Subjects;
using Marten;
using Wolverine;

namespace CoCreation.Moderation.Queue.Deciding;

public sealed record DecisionRequest([property: Required] ModerationDecision? Decision, string? ReasonCode, string? Note);

public sealed record DecideModerationItem(Guid ItemId, ModerationDecision Decision, string? ReasonCode, string? Note, string By);

public sealed record ModerationDecisionResponse(Guid Id, ModerationItemStatus Status, bool Final);

public static class DecideModerationItemHandler
{
    public static readonly string[] ReasonCodes = ["spam", "offensive", "off-topic", "ip-infringement", "duplicate", "other"];

    public static DecideModerationItem ToCommand(DecisionRequest request, Guid itemId, string by)
    {
        var v = new Validation().Require(request.Decision is { } d && Enum.IsDefined(d), "decision", "'decision' is required: Approve, Reject or Hide.");
        if (request.Decision is ModerationDecision.Reject or ModerationDecision.Hide)
            v.Require(request.ReasonCode is not null && ReasonCodes.Contains(request.ReasonCode), "reasonCode",
                $"Reject and Hide need a 'reasonCode': {string.Join(", ", ReasonCodes)}.");
        v.Require(request.Note is null || request.Note.Length <= 2_000, "note", "'note' must be at most 2000 characters.");
        v.ThrowIfInvalid();
        return new DecideModerationItem(itemId, request.Decision!.Value, request.ReasonCode, request.Note?.Trim(), by);
    }

    /// <summary>A pending item is decided once, never by one of the subject's authors; the decision on an appeal is final.</summary>
    public static ModerationItemDecided Decide(ModerationItem item, DecideModerationItem command, DateTimeOffset now, IReadOnlyList<string>? authors = null)
    {
        if (command.By == item.Author || authors?.Contains(command.By) == true)
            throw new Forbidden("own-subject", "Moderators do not decide on what they wrote or co-wrote; another moderator must decide this item.");
        if (item.Status == ModerationItemStatus.Superseded)
            throw new RuleViolated("item-superseded", $"Moderation item {item.Id} was replaced by the idea's newer revision; decide that one.");
        if (item.Status != ModerationItemStatus.Pending)
            throw new RuleViolated(item.Final ? "decision-final" : "already-decided",
                item.Final ? $"Moderation item {item.Id} was decided on appeal ({item.Status}); that decision is final."
                    : $"Moderation item {item.Id} was already decided ({item.Status}).");
        return new ModerationItemDecided(item.Id, item.CampaignId, command.Decision, command.ReasonCode, command.Note, command.By, now,
            item.SubjectId, Final: item.Appealed);
    }

    public static async Task<(ModerationDecisionResponse, OutgoingMessages)> Handle(
        DecideModerationItem command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<ModerationItem>(command.ItemId, token);
        var item = stream.Aggregate ?? throw new NotFound("moderation item", command.ItemId);
        var subject = await session.Events.FetchForWriting<ModeratedSubject>(ModeratedSubject.StreamIdFor(item.SubjectId), token);
        var decided = Decide(item, command, clock.GetUtcNow(), subject.Aggregate?.Authors);
        stream.AppendOne(decided);
        if (subject.Aggregate is not null)
            subject.AppendOne(new SubjectModerated(subject.Id, item.SubjectId, item.CampaignId, item.Id, decided.Decision, decided.DecidedAt));
        var after = item.Apply(decided);
        return (new ModerationDecisionResponse(item.Id, after.Status, after.Final), [DecisionMessages.For(item, decided)]);
    }
}
