using CoCreation.BuildingBlocks.Auth;
using CoCreation.Ideation.Campaigns.GettingDetails;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideation.Ideas.GettingDetails;

/// <summary>
/// Which of a campaign's supporter counts Ideation may show a viewer. Only a campaign whose rules hide tallies asks the
/// module that counts votes (<see cref="ITallyDisclosure"/>): it alone knows whom the viewer voted for.
/// </summary>
public static class IdeaTallies
{
    public static async Task<TallyDisclosure> For(IServiceProvider services, Viewer viewer, CampaignDetails? campaign, CancellationToken token)
    {
        if (campaign is not { Rules.Voting.HideTalliesUntilVoted: true }) return TallyDisclosure.Everything;
        var disclosure = services.GetService<ITallyDisclosure>();
        return disclosure is null ? TallyDisclosure.Everything : await disclosure.For(viewer, campaign.Id, token);
    }
}
