using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace CoCreation.Audit;

/// <summary>
/// Extends the audit chain as a Marten subscription: the async daemon hands it the log in sequence order, only
/// below its high-water mark, so an append still in flight is waited for and a gap left by a rolled-back append is
/// skipped once it is stale, and the chain's rows commit with the daemon's progress. Appends never wait for it.
/// </summary>
public sealed class ChainSubscription : SubscriptionBase
{
    private readonly Func<AuditStore> _store;

    public ChainSubscription(Func<AuditStore> store)
    {
        _store = store;
        Name = "AuditChain";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        var store = _store();
        var sequences = page.Events.Select(e => e.Sequence).ToList();
        if (sequences.Count > 0) await store.Chain(sequences, operations, cancellationToken);
        return NullChangeListener.Instance;
    }
}
