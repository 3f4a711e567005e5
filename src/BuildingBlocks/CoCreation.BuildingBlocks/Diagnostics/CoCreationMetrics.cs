using System.Diagnostics.Metrics;

namespace CoCreation.BuildingBlocks.Diagnostics;

/// <summary>
/// The platform's own instruments, on the meter <c>CoCreation</c> (any OpenTelemetry exporter or <c>dotnet-counters</c> can read it).
/// </summary>
public static class CoCreationMetrics
{
    public const string MeterName = "CoCreation";

    public const string FactsNotYetKnownName = "cocreation.facts_not_yet_known";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Handlers that needed another module's fact before it reached them; each is retried. Tag <c>module</c>: the handler's module.</summary>
    public static readonly Counter<long> FactsNotYetKnown = Meter.CreateCounter<long>(FactsNotYetKnownName, unit: "{message}",
        description: "Messages a handler could not handle yet because a fact from another module had not reached it; each is retried.");
}
