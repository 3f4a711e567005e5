using CoCreation.BuildingBlocks.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Moderation.Seeding;

/// <summary>Moderation's parts of the demo seed, run by the host's seeder in their order among the other modules' parts.</summary>
public static class ModerationDemoSeed
{
    public static IServiceCollection AddModerationDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, MainCampaignModerationDemoSeed>()
        .AddSingleton<IDemoSeedPart, AppealDemoSeed>()
        .AddSingleton<IDemoSeedPart, CommentFlagsDemoSeed>()
        .AddSingleton<IDemoSeedPart, QuickFireModerationDemoSeed>();
}
