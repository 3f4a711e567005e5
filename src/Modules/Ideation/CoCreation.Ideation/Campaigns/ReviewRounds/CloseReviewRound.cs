using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Deciding;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.Ideation.Campaigns.ReviewRounds;

public sealed record CloseReviewRound(Guid CampaignId, Guid RoundId, string By, string? Organisation = null);

public sealed record ReviewRoundClosedResponse(Guid Id, int Number, IReadOnlyList<RoundResult> Results);

/// <summary>
/// Closing a round publishes it: every idea still under review gets the brand's decision at once (status, timeline,
/// the other modules' effects); the brand cannot close while one of them is undecided.
/// </summary>
public static class CloseReviewRoundHandler
{
    public static ReviewRoundClosed Decide(Campaign campaign, CloseReviewRound command, IReadOnlyList<Idea> ideas, DateTimeOffset now)
    {
        if (campaign.Round is not { } round || round.Id != command.RoundId)
            throw campaign.ClosedRounds?.Contains(command.RoundId) == true
                ? new RuleViolated("review-round-closed", $"Review round {command.RoundId} is already closed; its results are published.")
                : new NotFound("review round", command.RoundId);
        var stillUnderReview = ideas.Where(i => i.Status == IdeaStatus.UnderReview).ToList();
        var undecided = stillUnderReview.Where(i => !round.Decisions.ContainsKey(i.Id)).Select(i => i.Id).ToList();
        if (undecided.Count > 0)
            throw new RuleViolated("round-has-undecided-ideas",
                $"Round {round.Number} has {undecided.Count} idea(s) without a decision: {string.Join(", ", undecided)}. Decide each before closing.");
        var disputed = stillUnderReview.Where(i => round.Decisions[i.Id].Outcome == DecisionOutcome.Selected && i.OpenDisputes.Count > 0).Select(i => i.Id).ToList();
        if (disputed.Count > 0)
            throw new RuleViolated("dispute-open",
                $"Idea(s) {string.Join(", ", disputed)} have an open intellectual-property dispute and cannot be selected until legal resolves it; change the decision or wait.");
        var results = ideas.Select(i => i.Status == IdeaStatus.UnderReview
            ? new RoundResult(i.Id, round.Decisions[i.Id].Outcome.ToString(), round.Decisions[i.Id].Note)
            : new RoundResult(i.Id, i.Status.ToString(), null)).ToList();
        return new ReviewRoundClosed(campaign.Id, round.Id, round.Number, results, command.By, now);
    }

    public static async Task<(ReviewRoundClosedResponse, Events, OutgoingMessages)> Handle(
        CloseReviewRound command, [WriteAggregate(Required = false)] Campaign? campaign, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        campaign = CampaignStreams.RunBy(campaign, command.Organisation, command.CampaignId);
        var streams = new List<(JasperFx.Events.IEventStream<Idea> Stream, Idea Idea)>();
        foreach (var ideaId in campaign.Round?.Id == command.RoundId ? campaign.Round.Ideas : [])
            streams.Add(await IdeaStreams.Load(session, ideaId, token));
        var closed = Decide(campaign, command, streams.Select(s => s.Idea).ToList(), clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        foreach (var (stream, idea) in streams.Where(s => s.Idea.Status == IdeaStatus.UnderReview))
        {
            var decision = campaign.Round!.Decisions[idea.Id];
            var selected = decision.Outcome == DecisionOutcome.Selected;
            stream.AppendOne(selected
                ? new IdeaSelected(idea.Id, idea.CampaignId, decision.Note, decision.By, closed.ClosedAt, closed.Number)
                : new IdeaNotSelected(idea.Id, idea.CampaignId, decision.Note, decision.By, closed.ClosedAt, closed.Number));
            outgoing.Add(IdeaStreams.StatusChanged(idea, selected ? IdeaStatus.Selected : IdeaStatus.NotSelected, decision.Note, decision.By, closed.ClosedAt));
            if (selected) outgoing.Add(new IdeaSelectedIntegrationEvent(idea.Id, idea.CampaignId, idea.Authors, decision.By, closed.ClosedAt));
        }
        return (new ReviewRoundClosedResponse(closed.RoundId, closed.Number, closed.Results), [closed], outgoing);
    }
}
