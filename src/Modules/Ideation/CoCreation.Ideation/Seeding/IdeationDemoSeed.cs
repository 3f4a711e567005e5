using CoCreation.BuildingBlocks.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideation.Seeding;

/// <summary>Ideation's parts of the demo seed, run by the host's seeder in their order among the other modules' parts.</summary>
public static class IdeationDemoSeed
{
    public static IServiceCollection AddIdeationDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, MainCampaignDemoSeed>()
        .AddSingleton<IDemoSeedPart, CommentsDemoSeed>()
        .AddSingleton<IDemoSeedPart, FlaggedCommentDemoSeed>()
        .AddSingleton<IDemoSeedPart, QuickFireCampaignDemoSeed>()
        .AddSingleton<IDemoSeedPart, QuickFireDecisionsDemoSeed>();
}
