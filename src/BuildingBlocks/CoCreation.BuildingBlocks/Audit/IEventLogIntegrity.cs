namespace CoCreation.BuildingBlocks.Audit;

/// <summary>How some events stand against the platform's hash chain over the whole log (docs/adr/0013).</summary>
public sealed record LogIntegrity(int Events, int Unchained, string? ChainHead, bool Valid, long? FirstBrokenSequence, string? Problem);

/// <summary>Lets a module check its own events against the host's audit chain without knowing how it is kept.</summary>
public interface IEventLogIntegrity
{
    Task<LogIntegrity> Check(IReadOnlyCollection<long> sequences, CancellationToken token);
}
