using CoCreation.Ideation.Ideas.Deciding;
using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Campaigns.ReviewRounds;

/// <summary>Pending: the brand's decision while the round is open; Result: what the closed round published (or the status the idea left with).</summary>
public sealed record RoundIdea(Guid IdeaId, RoundDecision? Pending = null, RoundResult? Result = null);

public sealed record RoundRecord(Guid Id, int Number, string OpenedBy, DateTimeOffset OpenedAt, IReadOnlyList<RoundIdea> Ideas,
    string? ClosedBy = null, DateTimeOffset? ClosedAt = null)
{
    public bool IsOpen() => ClosedAt is null;
}

/// <summary>A campaign's review rounds, newest last; the document exists once its first round opened (id: the campaign's).</summary>
public sealed record ReviewRoundsView(Guid Id, IReadOnlyList<RoundRecord> Rounds)
{
    public ReviewRoundsView Change(Guid roundId, Func<RoundRecord, RoundRecord> change) =>
        this with { Rounds = Rounds.Select(r => r.Id == roundId ? change(r) : r).ToList() };
}

public sealed class ReviewRoundsViewProjection : SingleStreamProjection<ReviewRoundsView, Guid>
{
    public static ReviewRoundsView Create(ReviewRoundOpened e) => new(e.CampaignId, [Record(e)]);

    public static ReviewRoundsView Apply(ReviewRoundOpened e, ReviewRoundsView view) => view with { Rounds = [.. view.Rounds, Record(e)] };

    public static ReviewRoundsView Apply(ReviewRoundIdeaDecided e, ReviewRoundsView view) =>
        view.Change(e.RoundId, r => r with
        {
            Ideas = r.Ideas.Select(i => i.IdeaId == e.IdeaId ? i with { Pending = new RoundDecision(e.Outcome, e.Note, e.DecidedBy, e.DecidedAt) } : i).ToList()
        });

    public static ReviewRoundsView Apply(ReviewRoundClosed e, ReviewRoundsView view) =>
        view.Change(e.RoundId, r => r with
        {
            ClosedBy = e.ClosedBy, ClosedAt = e.ClosedAt,
            Ideas = r.Ideas.Select(i => i with { Result = e.Results.FirstOrDefault(x => x.IdeaId == i.IdeaId) }).ToList()
        });

    private static RoundRecord Record(ReviewRoundOpened e) => new(e.RoundId, e.Number, e.OpenedBy, e.OpenedAt, e.IdeaIds.Select(id => new RoundIdea(id)).ToList());
}
