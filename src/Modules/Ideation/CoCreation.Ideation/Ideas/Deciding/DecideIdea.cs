using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Campaigns.ReviewRounds;
using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas.Withdrawing;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Deciding;

public enum DecisionOutcome { Selected, NotSelected }

public sealed record IdeaDecisionRequest([property: Required] DecisionOutcome? Outcome, string? Note);

public sealed record DecideIdea(Guid IdeaId, DecisionOutcome Outcome, string? Note, string By, string? Organisation = null);

/// <summary>Status: the idea's status after the decision (still UnderReview while the decision waits for its round to close); Round: that round's number.</summary>
public sealed record IdeaDecisionResponse(Guid Id, IdeaStatus Status, DecisionOutcome Outcome, Guid? RoundId = null, int? Round = null);

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

    /// <summary>In a campaign that reviews in rounds the decision is the brand's own until the round closes (docs/adr/0034).</summary>
    public static ReviewRoundIdeaDecided DecideInRound(Campaign campaign, Idea idea, DecideIdea command, DateTimeOffset now)
    {
        if (idea.Status != IdeaStatus.UnderReview)
            throw IdeaStreams.WrongStatus(idea, "idea-not-under-review", "the brand decides", IdeaStatus.UnderReview);
        if (campaign.Round is not { } round || !round.Ideas.Contains(idea.Id))
            throw new RuleViolated("idea-not-in-open-round", campaign.Round is null
                ? $"No review round of campaign {campaign.Id} is open: idea {idea.Id} waits for the next one."
                : $"Idea {idea.Id} is not in review round {campaign.Round.Number}: it waits for the next one.");
        if (command.Outcome == DecisionOutcome.Selected && idea.OpenDisputes.Count > 0)
            throw new RuleViolated("dispute-open", $"Idea {idea.Id} has an open intellectual-property dispute; it cannot be selected until legal resolves it.");
        return new ReviewRoundIdeaDecided(campaign.Id, round.Id, idea.Id, command.Outcome, command.Note, command.By, now);
    }

    public static async Task<(IdeaDecisionResponse, OutgoingMessages)> Handle(DecideIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (stream, idea) = await IdeaStreams.Load(session, command.IdeaId, token);
        await IdeaStreams.EnsureRunBy(session, idea, command.Organisation, token);
        var now = clock.GetUtcNow();
        if ((await session.LoadAsync<CampaignDetails>(idea.CampaignId, token))?.Rules.UsesReviewRounds() == true)
        {
            var campaignStream = await session.Events.FetchForWriting<Campaign>(idea.CampaignId, token);
            var campaign = campaignStream.Aggregate ?? throw new NotFound("campaign", idea.CampaignId);
            var pending = DecideInRound(campaign, idea, command, now);
            campaignStream.AppendOne(pending);
            return (new IdeaDecisionResponse(idea.Id, IdeaStatus.UnderReview, command.Outcome, pending.RoundId, campaign.Round!.Number), []);
        }
        var decided = Decide(idea, command, now);
        stream.AppendOne(decided);
        var status = command.Outcome == DecisionOutcome.Selected ? IdeaStatus.Selected : IdeaStatus.NotSelected;
        OutgoingMessages outgoing = [IdeaStreams.StatusChanged(idea, status, command.Note, command.By, now)];
        if (status == IdeaStatus.Selected) outgoing.Add(new IdeaSelectedIntegrationEvent(idea.Id, idea.CampaignId, idea.Authors, command.By, now));
        return (new IdeaDecisionResponse(idea.Id, status, command.Outcome), outgoing);
    }
}
