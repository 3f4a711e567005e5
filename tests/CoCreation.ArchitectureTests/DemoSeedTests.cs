using System.Reflection;
using CoCreation.BuildingBlocks.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.ArchitectureTests;

/// <summary>Each module declares its part of the demo seed; the host's seeder only runs the parts and knows no module.</summary>
public sealed class DemoSeedTests
{
    private const string SeedNamespace = "CoCreation.Host.Seed";

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void The_hosts_demo_seeder_uses_no_module(string module)
    {
        Assert.Contains(Modules.Host.GetTypes(), t => t.Namespace == SeedNamespace && t.Name == "DemoSeeder");
        Assert.Empty(BoundaryRules.TypeDependencies(Modules.Host, SeedNamespace, Modules.Implementation(module)));
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void A_module_registers_every_part_of_the_demo_seed_it_declares(string module)
    {
        var assembly = Modules.Implementation(module);
        var declared = PartTypes(assembly).ToList();
        var registered = Registrations(module).Select(d => d.ImplementationType).OfType<Type>().Where(t => t.Assembly == assembly).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.OrderBy(t => t.FullName), registered.OrderBy(t => t.FullName));
    }

    [Fact]
    public void No_two_parts_share_an_order_so_the_sequence_does_not_depend_on_how_the_host_lists_the_modules()
    {
        var parts = Modules.Names.SelectMany(m => PartTypes(Modules.Implementation(m)))
            .Select(t => (IDemoSeedPart)Activator.CreateInstance(t)!).ToList();
        var shared = parts.GroupBy(p => p.Order).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.GetType().Name))}").ToList();
        Assert.True(parts.Count >= Modules.Names.Length);
        Assert.Empty(shared);
    }

    private static IEnumerable<Type> PartTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDemoSeedPart).IsAssignableFrom(t));

    /// <summary>The IDemoSeedPart registrations the module's own Add&lt;Module&gt;Module() makes.</summary>
    private static IEnumerable<ServiceDescriptor> Registrations(string module)
    {
        var add = Modules.Implementation(module).GetType($"CoCreation.{module}.{module}Module", throwOnError: true)!
            .GetMethod($"Add{module}Module", BindingFlags.Public | BindingFlags.Static, [typeof(IServiceCollection)])
            ?? throw new InvalidOperationException($"CoCreation.{module}.{module}Module has no Add{module}Module(IServiceCollection).");
        var services = new ServiceCollection();
        add.Invoke(null, [services]);
        return services.Where(d => d.ServiceType == typeof(IDemoSeedPart));
    }
}
