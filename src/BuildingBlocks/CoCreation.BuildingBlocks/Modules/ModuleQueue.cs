using System.Reflection;
using Wolverine.Attributes;

namespace CoCreation.BuildingBlocks.Modules;

/// <summary>
/// Under <c>CoCreation:Messaging:QueuePerModule</c> (docs/adr/0023) a module's handlers of other modules' contract messages share
/// one durable, sequential local queue named after the module's schema, instead of one queue per handler.
/// </summary>
public static class ModuleQueue
{
    public const string OptionKey = "CoCreation:Messaging:QueuePerModule";

    public const bool Default = false;

    // Wolverine's own discovery conventions: types named *Handler or *Consumer, methods named Handle(s)/Consume(s)[Async].
    private static readonly HashSet<string> HandlerMethodNames =
        ["Handle", "Handles", "HandleAsync", "HandlesAsync", "Consume", "Consumes", "ConsumeAsync", "ConsumesAsync"];

    /// <summary>
    /// The handler types of <paramref name="module"/> whose every message is another module's contract message. A handler type that
    /// also handles a command or the module's own message stays where it is: Wolverine documents a sticky handler as
    /// applying to its endpoint only (<c>InvokeAsync</c> runs the type's global handler), and commands are invoked. Types already stuck to a queue (<see cref="StickyHandlerAttribute"/>) are left alone.
    /// So are two handler types of one module that handle the same message: stuck to the same queue, Wolverine keeps one chain per
    /// message type and endpoint, so one of them would never run (measured: ideas were never published, docs/adr/0023).
    /// </summary>
    public static IReadOnlyList<Type> ConsumersOfOtherModules(Assembly module)
    {
        var ownContracts = module.GetName().Name + ".Contracts";
        var consumers = new List<(Type Handler, List<Type> Messages)>();
        foreach (var type in module.GetExportedTypes())
        {
            if (!(type.Name.EndsWith("Handler", StringComparison.Ordinal) || type.Name.EndsWith("Consumer", StringComparison.Ordinal))) continue;
            if (type.GetCustomAttribute<StickyHandlerAttribute>() is not null) continue;
            var messages = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => HandlerMethodNames.Contains(m.Name) && m.GetParameters().Length > 0)
                .Select(m => m.GetParameters()[0].ParameterType)
                .ToList();
            if (messages.Count > 0 && messages.All(m => IsContractOfAnotherModule(m, ownContracts))) consumers.Add((type, messages));
        }
        var shared = consumers.SelectMany(c => c.Messages.Distinct()).GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return consumers.Where(c => !c.Messages.Any(shared.Contains)).Select(c => c.Handler).ToList();
    }

    private static bool IsContractOfAnotherModule(Type message, string ownContracts)
    {
        var assembly = message.Assembly.GetName().Name ?? "";
        return assembly.EndsWith(".Contracts", StringComparison.Ordinal) && assembly != ownContracts;
    }
}
