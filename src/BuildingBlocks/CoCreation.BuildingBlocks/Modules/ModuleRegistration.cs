using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CoCreation.BuildingBlocks.Modules;

public static class ModuleRegistration
{
    /// <summary>
    /// What every module does the same way: its Wolverine handlers are discovered from its own assembly,
    /// its documents live in its own PostgreSQL schema, and its routes are mapped by the host.
    /// </summary>
    public static IServiceCollection AddModule<TEndpoints>(
        this IServiceCollection services, string schema, Action<StoreOptions> configureMarten)
        where TEndpoints : class, IModuleEndpoints
    {
        var assembly = typeof(TEndpoints).Assembly;
        services.ConfigureMarten(opts =>
        {
            // Every document a module's assembly defines lives in the module's schema, by policy.
            opts.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType.Assembly == assembly) mapping.DatabaseSchemaName = schema;
            });
            configureMarten(opts);
        });
        services.AddSingleton<IWolverineExtension>(new ModuleDiscovery(assembly));
        services.AddSingleton<IModuleEndpoints, TEndpoints>();
        services.AddSingleton(new Ui.UiAssembly(assembly));
        return services;
    }

    private sealed class ModuleDiscovery(System.Reflection.Assembly assembly) : IWolverineExtension
    {
        public void Configure(WolverineOptions options) => options.Discovery.IncludeAssembly(assembly);
    }
}
