using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Campaigns;
using Marten;

namespace CoCreation.Voting.Ballots.GettingSupporters;

public sealed record SupportersPoint(string Day, int Supporters);

public sealed record SupportersMilestone(int Supporters, DateTimeOffset? Deadline, DateTimeOffset? ReachedAt);

/// <summary>Hidden: the campaign keeps the counts from the viewer for now (see <see cref="Disclosing.TallyDisclosureRule"/>): no points, the ladder only.</summary>
public sealed record SupportersOverTime(Guid IdeaId, string Bucket, IReadOnlyList<SupportersPoint> Points, IReadOnlyList<SupportersMilestone> Milestones, bool Hidden = false);

public static class SupportersQuery
{
    public const string Day = "day";

    /// <summary>The idea's ballot and curve if the viewer may see its tally (public, or an insider), else null: for them there is no such idea.</summary>
    public static async Task<(Ballot Ballot, SupportCurve Curve)?> Visible(IQuerySession session, Guid ideaId, Viewer viewer, CancellationToken token)
    {
        var streamId = Ballot.StreamIdFor(ideaId);
        var ballot = await session.LoadAsync<Ballot>(streamId, token);
        if (ballot is null) return null;
        if (!ballot.IsPublic)
        {
            var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(ballot.CampaignId), token);
            if (!viewer.SeesNonPublic(ballot.Authors, rules?.Organisation)) return null;
        }
        // A ballot older than the projection is folded from its stream until the next rebuild stores its curve.
        var curve = await session.LoadAsync<SupportCurve>(streamId, token)
                    ?? await session.Events.AggregateStreamAsync<SupportCurve>(streamId, token: token);
        return curve is null ? null : (ballot, curve);
    }

    public static async Task<SupportersOverTime> Of(IQuerySession session, Guid ideaId, string? bucket, Viewer viewer, DateTimeOffset now, CancellationToken token)
    {
        new Validation()
            .Require(bucket is null or Day, "bucket", "'bucket' must be 'day' (the only bucket so far).")
            .ThrowIfInvalid();
        var (ballot, curve) = await Visible(session, ideaId, viewer, token) ?? throw new NotFound("idea", ideaId);
        var shown = (await Disclosing.VotingTallyDisclosure.Of(session, viewer, ballot.CampaignId, now, token)).Shows(ideaId);
        return new SupportersOverTime(ideaId, Day,
            !shown ? [] : curve.EveryDay(SupportCurve.DayOf(now)).Select(p => new SupportersPoint(p.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Supporters)).ToList(),
            curve.Ladder.Select(r => new SupportersMilestone(r.Supporters, r.Deadline, r.ReachedAt)).ToList(), !shown);
    }
}
