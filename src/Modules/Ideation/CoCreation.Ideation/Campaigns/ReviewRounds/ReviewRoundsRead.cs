using CoCreation.BuildingBlocks.Auth;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;

namespace CoCreation.Ideation.Campaigns.ReviewRounds;

public sealed record RoundDecisionResponse(DecisionOutcome Outcome, string? Note, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record RoundResultResponse(string Outcome, string? Note);

/// <summary>Decision: the brand's pending decision, shown only to the brand that runs the campaign and to legal; Result: once the round closed.</summary>
public sealed record RoundIdeaResponse(Guid IdeaId, string Title, IdeaStatus Status, RoundDecisionResponse? Decision, RoundResultResponse? Result);

public sealed record ReviewRoundResponse(Guid Id, int Number, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<RoundIdeaResponse> Ideas);

public sealed record WaitingIdeaResponse(Guid IdeaId, string Title, DateTimeOffset Since);

/// <summary>Enabled: whether the campaign reviews in rounds; Waiting: the ideas under review that no open round holds.</summary>
public sealed record ReviewRoundsResponse(Guid CampaignId, bool Enabled, IReadOnlyList<WaitingIdeaResponse> Waiting, IReadOnlyList<ReviewRoundResponse> Rounds);

/// <summary>
/// The rounds as a viewer may see them: an idea no longer public is left out unless the viewer sees every idea of the
/// campaign; the brand's pending decisions stay with the brand (and legal) until the round closes.
/// </summary>
public static class ReviewRoundsRead
{
    private static readonly string[] Published = [nameof(DecisionOutcome.Selected), nameof(DecisionOutcome.NotSelected)];

    public static async Task<ReviewRoundsResponse> For(IQuerySession session, CampaignDetails campaign, Viewer viewer, CancellationToken token)
    {
        var view = await session.LoadAsync<ReviewRoundsView>(campaign.Id, token) ?? new ReviewRoundsView(campaign.Id, []);
        var campaignId = campaign.Id;
        var underReview = await session.Query<IdeaDetails>()
            .Where(i => i.CampaignId == campaignId && i.Status == IdeaStatus.UnderReview).OrderBy(i => i.UpdatedAt).ToListAsync(token);
        var inRounds = view.Rounds.SelectMany(r => r.Ideas.Select(i => i.IdeaId)).Distinct().ToArray();
        var ideas = (await session.LoadManyAsync<IdeaDetails>(token, inRounds)).ToDictionary(i => i.Id);
        var seesAll = IdeaVisibility.SeesAllOf(viewer, campaign);
        var seesPending = viewer.RunsCampaignOf(campaign.Organisation) || viewer.Is(Roles.Legal);
        var open = view.Rounds.FirstOrDefault(r => r.IsOpen());

        var rounds = view.Rounds.Select(r => new ReviewRoundResponse(r.Id, r.Number, r.IsOpen() ? "Open" : "Closed", r.OpenedAt, r.ClosedAt,
            r.Ideas.Where(i => ideas.ContainsKey(i.IdeaId))
                .Where(i => seesAll || (IdeaVisibility.IsPublic(ideas[i.IdeaId].Status) && (i.Result is null || Published.Contains(i.Result.Outcome))))
                .Select(i => new RoundIdeaResponse(i.IdeaId, ideas[i.IdeaId].Title, ideas[i.IdeaId].Status,
                    seesPending && r.IsOpen() && i.Pending is { } p ? new RoundDecisionResponse(p.Outcome, p.Note, p.By, p.At) : null,
                    i.Result is { } x ? new RoundResultResponse(x.Outcome, x.Note) : null))
                .ToList())).ToList();
        var waiting = underReview.Where(i => open is null || open.Ideas.All(o => o.IdeaId != i.Id))
            .Select(i => new WaitingIdeaResponse(i.Id, i.Title, i.UpdatedAt)).ToList();
        return new ReviewRoundsResponse(campaign.Id, campaign.Rules.UsesReviewRounds(), waiting, rounds);
    }
}
