using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Campaigns.GettingDetails;

/// <summary>The public view of a campaign (list and detail).</summary>
public sealed record CampaignDetails(
    Guid Id, string Title, string Brief, CampaignStatus Status, CampaignRules Rules,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, string Organisation = "");

public sealed class CampaignDetailsProjection : SingleStreamProjection<CampaignDetails, Guid>
{
    public static CampaignDetails Create(CampaignCreated e) =>
        new(e.CampaignId, e.Title, e.Brief, CampaignStatus.Draft, e.Rules, e.CreatedBy, e.CreatedAt, null, null, e.RunBy);

    public static CampaignDetails Apply(CampaignOpened e, CampaignDetails view) =>
        view with { Status = CampaignStatus.Open, OpenedAt = e.OpenedAt };

    public static CampaignDetails Apply(Editing.CampaignDraftEdited e, CampaignDetails view) =>
        view with { Title = e.Title, Brief = e.Brief, Rules = e.Rules };

    public static CampaignDetails Apply(CampaignClosed e, CampaignDetails view) =>
        view with { Status = CampaignStatus.Closed, ClosedAt = e.ClosedAt };
}
