namespace CoCreation.Rewards.Ledgers;

public sealed record MoneyBalance(string Currency, decimal Amount);

public sealed record RewardsBalance(int Points, IReadOnlyList<MoneyBalance> Money);

/// <summary>A member's rewards as they read them: points, money owed per currency, payouts, badges and every ledger entry.</summary>
public sealed record MemberRewards(string UserId, int Points, RewardsBalance Balance, IReadOnlyList<Payout> Payouts, IReadOnlyList<Badge> Badges,
    IReadOnlyList<LedgerEntry> Entries)
{
    public static MemberRewards Of(Ledger ledger) => new(ledger.MemberId, ledger.Points,
        new RewardsBalance(ledger.Points, ledger.Money.Select(m => new MoneyBalance(m.Key, m.Value)).ToList()),
        ledger.Payouts ?? [], ledger.Badges ?? [], ledger.Entries);
}
