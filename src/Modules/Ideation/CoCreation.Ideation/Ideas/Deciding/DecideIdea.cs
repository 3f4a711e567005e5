using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas.Withdrawing;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Deciding;

public enum DecisionOutcome { Selected, NotSelected }

public sealed record IdeaDecisionRequest([property: Required] DecisionOutcome? Outcome, string? Note);

public sealed record DecideIdea(Guid IdeaId, DecisionOutcome Outcome, string? Note, string By, string? Organisation = null);

public static class DecideIdeaHandler
{
    public static DecideIdea ToCommand(IdeaDecisionRequest request, Guid ideaId, string by, string? organisation)
    {
        new Validation()
            .Require(request.Outcome is not null, "outcome", "'outcome' is required: Selected or NotSelected.")
            .Require(request.Note is null || request.Note.Length <= 5_000, "note", "'note' must be at most 5000 characters.")
            .ThrowIfInvalid();
        return new DecideIdea(ideaId, request.Outcome!.Value, request.Note?.Trim(), by, organisation);
    }

    public static object Decide(Idea idea, DecideIdea command, DateTimeOffset now)
    {
        if (idea.Status != IdeaStatus.UnderReview)
            throw IdeaStreams.WrongStatus(idea, "idea-not-under-review", "the brand decides", IdeaStatus.UnderReview);
        if (command.Outcome == DecisionOutcome.Selected && idea.OpenDisputes.Count > 0)
            throw new RuleViolated("dispute-open", $"Idea {idea.Id} has an open intellectual-property dispute; it cannot be selected until legal resolves it.");
        return command.Outcome == DecisionOutcome.Selected
            ? new IdeaSelected(idea.Id, idea.CampaignId, command.Note, command.By, now)
            : new IdeaNotSelected(idea.Id, idea.CampaignId, command.Note, command.By, now);
    }

    public static async Task<(IdeaStatusResponse, OutgoingMessages)> Handle(DecideIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (stream, idea) = await IdeaStreams.Load(session, command.IdeaId, token);
        await IdeaStreams.EnsureRunBy(session, idea, command.Organisation, token);
        var now = clock.GetUtcNow();
        var decided = Decide(idea, command, now);
        stream.AppendOne(decided);
        var status = command.Outcome == DecisionOutcome.Selected ? IdeaStatus.Selected : IdeaStatus.NotSelected;
        OutgoingMessages outgoing = [IdeaStreams.StatusChanged(idea, status, command.Note, command.By, now)];
        if (status == IdeaStatus.Selected) outgoing.Add(new IdeaSelectedIntegrationEvent(idea.Id, idea.CampaignId, idea.Authors, command.By, now));
        return (new IdeaStatusResponse(idea.Id, status), outgoing);
    }
}
