using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Moderation.Queue.Deciding;

public sealed record DecisionRequest(ModerationDecision? Decision, string? ReasonCode, string? Note);

public sealed record DecideModerationItem(Guid ItemId, ModerationDecision Decision, string? ReasonCode, string? Note, string By);

public sealed record ModerationDecisionResponse(Guid Id, ModerationItemStatus Status);

public static class DecideModerationItemHandler
{
    public static readonly string[] ReasonCodes = ["spam", "offensive", "off-topic", "ip-infringement", "duplicate", "other"];

    public static DecideModerationItem ToCommand(DecisionRequest request, Guid itemId, string by)
    {
        var v = new Validation().Require(request.Decision is not null, "decision", "'decision' is required: Approve, Reject or Hide.");
        if (request.Decision is ModerationDecision.Reject or ModerationDecision.Hide)
            v.Require(request.ReasonCode is not null && ReasonCodes.Contains(request.ReasonCode), "reasonCode",
                $"Reject and Hide need a 'reasonCode': {string.Join(", ", ReasonCodes)}.");
        v.Require(request.Note is null || request.Note.Length <= 2_000, "note", "'note' must be at most 2000 characters.");
        v.ThrowIfInvalid();
        return new DecideModerationItem(itemId, request.Decision!.Value, request.ReasonCode, request.Note?.Trim(), by);
    }

    public static ModerationItemDecided Decide(ModerationItem item, DecideModerationItem command, DateTimeOffset now) =>
        item.Status == ModerationItemStatus.Pending
            ? new ModerationItemDecided(item.Id, item.CampaignId, command.Decision, command.ReasonCode, command.Note, command.By, now)
            : throw new RuleViolated("already-decided", $"Moderation item {item.Id} was already decided ({item.Status}).");

    public static async Task<(ModerationDecisionResponse, OutgoingMessages)> Handle(
        DecideModerationItem command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<ModerationItem>(command.ItemId, token);
        var item = stream.Aggregate ?? throw new NotFound("moderation item", command.ItemId);
        var decided = Decide(item, command, clock.GetUtcNow());
        stream.AppendOne(decided);
        object message = decided.Decision switch
        {
            ModerationDecision.Approve => new SubjectApprovedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.Revision, decided.DecidedBy, decided.DecidedAt),
            ModerationDecision.Reject => new SubjectRejectedIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, item.Revision, decided.ReasonCode!, decided.Note, decided.DecidedBy, decided.DecidedAt),
            _ => new SubjectHiddenIntegrationEvent(item.Id, item.SubjectType, item.SubjectId, decided.ReasonCode!, decided.Note, decided.DecidedBy, decided.DecidedAt)
        };
        return (new ModerationDecisionResponse(item.Id, item.Apply(decided).Status), [message]);
    }
}
