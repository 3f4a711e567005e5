namespace CoCreation.BuildingBlocks.Metadata;

/// <summary>Names of the headers every stored event carries besides Marten's own metadata columns.</summary>
public static class EventHeaders
{
    public const string Module = "module";
    public const string Actor = "actor";
    public const string CampaignId = "campaignId";
    public const string RecordedAt = "recordedAt";
}

/// <summary>Implemented by events that belong to a campaign, so its history can be found across modules.</summary>
public interface ICampaignScoped
{
    Guid CampaignId { get; }
}
