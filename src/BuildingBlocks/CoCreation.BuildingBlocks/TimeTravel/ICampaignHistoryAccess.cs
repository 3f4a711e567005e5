using CoCreation.BuildingBlocks.Auth;

namespace CoCreation.BuildingBlocks.TimeTravel;

/// <summary>
/// Who may see a campaign's past (its history, its state at an instant), answered by the audit capability. Every part
/// contributed to <see cref="Ui.UiSlots.CampaignStateAt"/> asks it itself, so a part shows nothing that is not public
/// wherever it is placed, not only behind the replay page's own check.
/// </summary>
public interface ICampaignHistoryAccess
{
    Task<bool> MayRead(Viewer viewer, Guid campaignId, CancellationToken token);
}
