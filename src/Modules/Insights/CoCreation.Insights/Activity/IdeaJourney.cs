using CoCreation.Insights.Observing;
using Marten.Events.Aggregation;

namespace CoCreation.Insights.Activity;

/// <summary>
/// An idea's way through the campaign as Insights saw it: when it first reached each stage (Submitted, Published,
/// Milestone1..n, UnderReview, Selected, InProduction, Launched, and the exits Expired, Rejected, NotSelected,
/// Withdrawn, Hidden), its current status and supporters, and its latest words for the themes.
/// </summary>
public sealed class IdeaJourney
{
    public Guid Id { get; set; }
    public Guid IdeaId { get; set; }
    public Guid CampaignId { get; set; }
    public string SubmittedBy { get; set; } = "";
    public List<string> Authors { get; set; } = [];
    public int Revision { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public string Status { get; set; } = "Submitted";
    public Dictionary<string, DateTimeOffset> Reached { get; set; } = [];
    public int Supporters { get; set; }
    public long TallyVersion { get; set; }
    public int Comments { get; set; }

    public static string MilestoneStage(int index) => $"Milestone{index + 1}";

    public void Reach(string stage, DateTimeOffset at) => Reached.TryAdd(stage, at);
}

public sealed class IdeaJourneyProjection : SingleStreamProjection<IdeaJourney, Guid>
{
    public void Apply(IdeaJourney j, IdeaSubmissionNoted e)
    {
        j.IdeaId = e.IdeaId;
        j.CampaignId = e.CampaignId;
        if (e.Revision <= 1 || j.SubmittedBy == "") j.SubmittedBy = e.SubmittedBy;
        j.Authors = [.. e.Authors];
        j.Revision = Math.Max(j.Revision, e.Revision);
        (j.Title, j.Description, j.Tags) = (e.Title, e.Description, [.. e.Tags]);
        j.Status = "Submitted";
        j.Reach("Submitted", e.SubmittedAt);
    }

    public void Apply(IdeaJourney j, CoAuthorNoted e)
    {
        (j.IdeaId, j.CampaignId) = (e.IdeaId, e.CampaignId);
        if (!j.Authors.Contains(e.CoAuthor)) j.Authors.Add(e.CoAuthor);
    }

    public void Apply(IdeaJourney j, IdeaStatusNoted e)
    {
        (j.IdeaId, j.CampaignId) = (e.IdeaId, e.CampaignId);
        j.Status = e.Status;
        j.Reach(e.Status, e.At);
    }

    public void Apply(IdeaJourney j, IdeaMilestoneNoted e)
    {
        (j.IdeaId, j.CampaignId) = (e.IdeaId, e.CampaignId);
        j.Reach(IdeaJourney.MilestoneStage(e.MilestoneIndex), e.ReachedAt);
    }

    public void Apply(IdeaJourney j, CommentNoted e)
    {
        (j.IdeaId, j.CampaignId) = (e.IdeaId, e.CampaignId);
        j.Comments++;
    }

    public void Apply(IdeaJourney j, VotesNoted e)
    {
        (j.IdeaId, j.CampaignId) = (e.IdeaId, e.CampaignId);
        // Tallies can arrive out of order across Voting's messages: the highest version is the latest count.
        if (e.TallyVersion < j.TallyVersion) return;
        (j.Supporters, j.TallyVersion) = (e.Supporters, e.TallyVersion);
    }
}
