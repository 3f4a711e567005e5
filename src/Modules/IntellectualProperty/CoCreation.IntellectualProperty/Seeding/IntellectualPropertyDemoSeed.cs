using CoCreation.BuildingBlocks.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.IntellectualProperty.Seeding;

/// <summary>IntellectualProperty's parts of the demo seed, run by the host's seeder in their order among the other modules' parts.</summary>
public static class IntellectualPropertyDemoSeed
{
    public static IServiceCollection AddIntellectualPropertyDemoSeed(this IServiceCollection services) => services
        .AddSingleton<IDemoSeedPart, AgreementDemoSeed>()
        .AddSingleton<IDemoSeedPart, OwnershipDemoSeed>();
}
