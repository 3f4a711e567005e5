using CoCreation.Insights.Observing;
using Marten.Events.Projections;

namespace CoCreation.Insights.Activity;

/// <summary>What one member did on one day in a campaign.</summary>
public sealed class DayCounts
{
    public int Ideas { get; set; }
    public int Revisions { get; set; }
    public int CoAuthored { get; set; }
    public int Comments { get; set; }
    public int VotesCast { get; set; }
    public int VotesRetracted { get; set; }
    public int VotesDiscounted { get; set; }
    public int Flags { get; set; }

    public void Add(DayCounts other)
    {
        Ideas += other.Ideas; Revisions += other.Revisions; CoAuthored += other.CoAuthored; Comments += other.Comments;
        VotesCast += other.VotesCast; VotesRetracted += other.VotesRetracted; VotesDiscounted += other.VotesDiscounted; Flags += other.Flags;
    }

    /// <summary>What the member did themselves (a discount is done to them, not by them).</summary>
    public int Actions => Ideas + Revisions + CoAuthored + Comments + VotesCast + VotesRetracted + Flags;
}

/// <summary>A member's activity in one campaign, day by day (UTC days, "yyyy-MM-dd").</summary>
public sealed class MemberActivity
{
    public string Id { get; set; } = "";
    public Guid CampaignId { get; set; }
    public string MemberId { get; set; } = "";
    public SortedDictionary<string, DayCounts> Days { get; set; } = [];

    public static string IdFor(Guid campaignId, string memberId) => $"{campaignId}:{memberId}";

    public static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd");

    public DayCounts On(Guid campaignId, string memberId, DateTimeOffset at)
    {
        (Id, CampaignId, MemberId) = (IdFor(campaignId, memberId), campaignId, memberId);
        var day = DayOf(at);
        if (!Days.TryGetValue(day, out var counts)) Days[day] = counts = new DayCounts();
        return counts;
    }
}

public sealed class MemberActivityProjection : MultiStreamProjection<MemberActivity, string>
{
    public MemberActivityProjection()
    {
        Identity<IdeaSubmissionNoted>(e => MemberActivity.IdFor(e.CampaignId, e.SubmittedBy));
        Identity<CoAuthorNoted>(e => MemberActivity.IdFor(e.CampaignId, e.CoAuthor));
        Identity<CommentNoted>(e => MemberActivity.IdFor(e.CampaignId, e.PostedBy));
        Identity<VotesNoted>(e => MemberActivity.IdFor(e.CampaignId, e.Voter));
        Identity<FlagNoted>(e => MemberActivity.IdFor(e.CampaignId, e.FlaggedBy));
    }

    public void Apply(MemberActivity m, IdeaSubmissionNoted e)
    {
        var day = m.On(e.CampaignId, e.SubmittedBy, e.SubmittedAt);
        if (e.Revision <= 1) day.Ideas++;
        else day.Revisions++;
    }

    public void Apply(MemberActivity m, CoAuthorNoted e) => m.On(e.CampaignId, e.CoAuthor, e.JoinedAt).CoAuthored++;

    public void Apply(MemberActivity m, CommentNoted e) => m.On(e.CampaignId, e.PostedBy, e.PostedAt).Comments++;

    public void Apply(MemberActivity m, FlagNoted e) => m.On(e.CampaignId, e.FlaggedBy, e.FlaggedAt).Flags++;

    public void Apply(MemberActivity m, VotesNoted e)
    {
        foreach (var vote in e.Votes)
        {
            var day = m.On(e.CampaignId, e.Voter, vote.At);
            switch (vote.Action)
            {
                case "Cast": day.VotesCast++; break;
                case "Retracted": day.VotesRetracted++; break;
                case "Discounted": day.VotesDiscounted++; break;
            }
        }
    }
}
