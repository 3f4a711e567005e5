using CoCreation.BuildingBlocks.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Voting.Seeding;

/// <summary>Voting's parts of the demo seed, run by the host's seeder in their order among the other modules' parts.</summary>
public static class VotingDemoSeed
{
    public static IServiceCollection AddVotingDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, MainCampaignVotesDemoSeed>()
        .AddSingleton<IDemoSeedPart, QuickFireVotesDemoSeed>();
}
