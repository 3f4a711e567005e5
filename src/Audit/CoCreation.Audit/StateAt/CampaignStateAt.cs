using CoCreation.BuildingBlocks.TimeTravel;

namespace CoCreation.Audit;

/// <summary>
/// A campaign as it stood at an instant of the application clock: <c>campaignId</c>, <c>at</c>, and one property per
/// module part (<see cref="ICampaignStatePart"/>: Ideation's "ideas", Rewards' "leaderboard", any new module's own),
/// each folded by its module from the events recorded up to then.
/// </summary>
public sealed class CampaignStateAt(IEnumerable<ICampaignStatePart> parts, IEventLogAt log)
{
    public async Task<IReadOnlyDictionary<string, object>> At(Guid campaignId, DateTimeOffset at, CancellationToken token)
    {
        var state = new Dictionary<string, object> { ["campaignId"] = campaignId, ["at"] = at };
        foreach (var part in parts.OrderBy(p => p.Part, StringComparer.Ordinal))
            state.Add(part.Part, await part.At(campaignId, at, log, token));
        return state;
    }
}
