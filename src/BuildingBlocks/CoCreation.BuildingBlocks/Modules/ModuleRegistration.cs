using Marten;
using Microsoft.Extensions.Configuration;
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
        // Resolved by Wolverine from the container when it starts, so the option comes from the host's configuration.
        services.AddSingleton<IWolverineExtension>(sp => new ModuleDiscovery(assembly, schema,
            sp.GetRequiredService<IConfiguration>().GetValue(ModuleQueue.OptionKey, ModuleQueue.Default)));
        services.AddSingleton<IModuleEndpoints, TEndpoints>();
        services.AddSingleton(new Ui.UiAssembly(assembly));
        return services;
    }

    private sealed class ModuleDiscovery(System.Reflection.Assembly assembly, string schema, bool queuePerModule) : IWolverineExtension
    {
        public void Configure(WolverineOptions options)
        {
            options.Discovery.IncludeAssembly(assembly);
            if (!queuePerModule) return;
            var consumers = ModuleQueue.ConsumersOfOtherModules(assembly);
            if (consumers.Count == 0) return;
            // Durable and sequential like every local queue (the host's policies apply to it too).
            var queue = options.LocalQueue(schema);
            foreach (var handler in consumers) queue.AddStickyHandler(handler);
        }
    }
}
