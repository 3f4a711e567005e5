using System.Diagnostics;
using System.Runtime.CompilerServices;
using CoCreation.BuildingBlocks.Diagnostics;

namespace CoCreation.BuildingBlocks.Problems;

/// <summary>
/// A handler needs a fact another module has published but that has not reached this module yet
/// (messages to different modules' queues are not ordered among themselves). Retried later, never answered.
/// Each one is counted on <see cref="CoCreationMetrics.FactsNotYetKnown"/>, tagged with the module of the code that threw it.
/// </summary>
public sealed class FactNotYetKnown : Exception
{
    // Not inlined, so the frame above this one is the handler that throws (an async handler's state machine, in the module's assembly).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public FactNotYetKnown(string detail) : base(detail)
    {
        CoCreationMetrics.FactsNotYetKnown.Add(1, new KeyValuePair<string, object?>("module", ModuleOf(new StackFrame(1, false).GetMethod()?.DeclaringType)));
    }

    /// <summary>"Moderation" for a type of CoCreation.Moderation.</summary>
    private static string ModuleOf(Type? type)
    {
        var assembly = type?.Assembly.GetName().Name ?? "unknown";
        return assembly.StartsWith("CoCreation.", StringComparison.Ordinal) ? assembly["CoCreation.".Length..] : assembly;
    }
}
