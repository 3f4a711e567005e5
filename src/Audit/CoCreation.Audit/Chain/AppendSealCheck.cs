namespace CoCreation.Audit;

/// <summary>
/// Whether an event still is what its append sealed (<see cref="AppendSeal"/>): null when it is, or when it predates
/// sealing (a log older than the seal, whose first sealed sequence is <c>sealingSince</c>); otherwise the problem.
/// An erasure recorded for the event excuses a changed row, as it does for the chain (docs/adr/0014).
/// </summary>
public static class AppendSealCheck
{
    public static string? Problem(long sequence, string type, string? seal, string resealed, bool erased, long? sealingSince)
    {
        if (seal is null)
            return sealingSince is { } since && sequence > since
                ? $"event {sequence} ({type}) has no seal from its append: inserted behind the application's back"
                : null;
        if (seal == resealed || erased) return null;
        return $"event {sequence} ({type}) was changed after its append and before the chain linked it: it no longer matches the seal its append recorded";
    }
}
