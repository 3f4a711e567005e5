namespace CoCreation.Audit;

/// <summary>A stored link of the chain; ErasedHash is the hash of the row after a recorded erasure masked it.</summary>
/// AppendProblem is why the row, when the chain linked it, no longer matched the seal its append recorded (<see cref="AppendSeal"/>).
public sealed record ChainRow(long Sequence, string EventHash, string Link, string? ErasedHash = null, string? AppendProblem = null);

public sealed record VerifyResult(long EventsChecked, string? ChainHead, long? HeadSequence, bool Valid, long? FirstBrokenSequence, string? Problem, long Unchained,
    ChainLag? Lag = null);

/// <summary>The time from an event's append (its seal) to its link in the chain, over the last <see cref="Window"/> sealed events, in milliseconds.</summary>
public sealed record ChainLag(int Events, double P50Ms, double P99Ms, double MaxMs)
{
    public const int Window = 10_000;
}

/// <summary>
/// Walks the log and the stored chain side by side, in sequence order, up to the chain's head. A sequence with an
/// event but no link was inserted behind the chain's back; one with a link but no event was removed; one whose
/// recomputed hash differs was changed. A sequence with neither is a gap Marten left (a rolled-back append), not
/// tampering. Rows are fed one at a time so a log of millions is checked in constant memory.
/// </summary>
public sealed class ChainVerification(IReadOnlySet<long>? recordedErasures = null)
{
    private string _link = "";
    private long _checked;
    private long? _broken;
    private string? _problem;
    private string? _head;
    private long? _headSequence;

    public void Add(long sequence, ChainedEvent? e, ChainRow? chain)
    {
        _checked++;
        if (chain is not null) (_head, _headSequence) = (chain.Link, sequence);
        if (_broken is not null) return;
        if (e is null) { Break(sequence, $"event {sequence} was removed from the log"); return; }
        if (chain is null) { Break(sequence, $"event {sequence} is in the log but was never chained: inserted behind the application's back"); return; }
        if (chain.AppendProblem is { } atAppend) { Break(sequence, atAppend); return; }
        var hash = EventChain.HashOf(e);
        // An erased row hashes to what the erasure recorded, and an erasure event (itself chained) must name it.
        if (hash != chain.EventHash && hash == chain.ErasedHash && recordedErasures?.Contains(sequence) != true)
        {
            Break(sequence, $"event {sequence} ({e.Type}) was changed: an erasure row excuses it, but no erasure event names it");
            return;
        }
        if (hash != chain.EventHash && hash != chain.ErasedHash) { Break(sequence, $"event {sequence} ({e.Type}) was changed: its hash is {hash}, the chain recorded {chain.EventHash}"); return; }
        _link = EventChain.Link(_link, chain.EventHash);
        if (_link != chain.Link) Break(sequence, $"the chain's link at {sequence} does not follow from the previous links");
    }

    /// <summary>An event beyond the chain's head, with what its append seal says of it (null: it still matches).</summary>
    public void AddUnchained(long sequence, string? sealProblem)
    {
        if (_broken is null && sealProblem is not null) Break(sequence, sealProblem);
    }

    private void Break(long sequence, string problem) => (_broken, _problem) = (sequence, problem);

    public VerifyResult Result(long unchained, ChainLag? lag = null) => new(_checked, _head, _headSequence, _broken is null, _broken, _problem, unchained, lag);
}
