using CoCreation.BuildingBlocks.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Rewards.Seeding;

/// <summary>Rewards's parts of the demo seed, run by the host's seeder in their order among the other modules' parts.</summary>
public static class RewardsDemoSeed
{
    public static IServiceCollection AddRewardsDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, RoyaltiesDemoSeed>();
}
