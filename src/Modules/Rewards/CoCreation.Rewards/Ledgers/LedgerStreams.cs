using CoCreation.Rewards.Ledgers.Badges;
using JasperFx.Events;

namespace CoCreation.Rewards.Ledgers;

public static class LedgerStreams
{
    /// <summary>Appends a ledger change and the badges it earns; returns the ledger after them.</summary>
    public static Ledger Append(IEventStream<Ledger> stream, Ledger? ledger, object change)
    {
        var after = ledger?.With(change) ?? change switch
        {
            PointsGranted p => Ledger.Create(p),
            MoneyCredited m => Ledger.Create(m),
            BadgeAwarded b => Ledger.Create(b),
            _ => throw new ArgumentException($"Not a ledger change: {change.GetType().Name}")
        };
        stream.AppendOne(change);
        if (change is not PointsGranted grant) return after;
        foreach (var badge in BadgeRules.EarnedBy(after, grant))
        {
            stream.AppendOne(badge);
            after = after.Apply(badge);
        }
        return after;
    }
}
