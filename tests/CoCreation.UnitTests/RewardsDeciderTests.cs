using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Badges;
using CoCreation.Rewards.Ledgers.Granting;
using CoCreation.Rewards.Ledgers.Paying;
using CoCreation.Rewards.Sales;

namespace CoCreation.UnitTests;

public class RewardsDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("100.00", new[] { "33.34", "33.33", "33.33" }, new[] { "33.34", "33.33", "33.33" })]
    [InlineData("0.01", new[] { "50", "50" }, new[] { "0.01", "0.00" })]
    [InlineData("185.19", new[] { "66.67", "33.33" }, new[] { "123.47", "61.72" })]
    [InlineData("10.00", new[] { "33.33", "33.33", "33.34" }, new[] { "3.33", "3.33", "3.34" })]
    public void A_split_pays_whole_cents_that_always_add_up_to_the_whole(string total, string[] percents, string[] expected)
    {
        var shares = percents.Select((p, i) => new OwnershipShare($"m{i}", decimal.Parse(p))).ToList();
        var parts = MoneySplit.Split(decimal.Parse(total), shares);
        Assert.Equal(expected.Select(decimal.Parse), parts.Select(p => p.Amount));
        Assert.Equal(decimal.Parse(total), parts.Sum(p => p.Amount));
    }

    [Fact]
    public void A_royalty_is_rounded_half_away_from_zero_to_the_cent()
    {
        Assert.Equal(185.19m, MoneySplit.Royalty(12345.67m, 1.5m));
        Assert.Equal(0.01m, MoneySplit.Royalty(1m, 0.5m));
        Assert.Equal(0m, MoneySplit.Royalty(0m, 1m));
    }

    private static IdeaRewardTerms Terms(bool selected) =>
        IdeaRewardTerms.Create(new IdeaOwnershipNoted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [new("a", 70), new("b", 30)], "confirmed", 3, Now))
        with { Selected = selected };

    private static readonly RewardRules Rules = new(10, 1, 25, 100, null, 2m);

    [Fact]
    public void Sales_of_a_period_pay_once_and_only_for_a_selected_idea_of_a_campaign_with_royalties()
    {
        var command = new ReportSales(Guid.NewGuid(), "2027-Q1", 1000m, "EUR", "brand");
        Assert.Equal("idea-not-selected", Assert.Throws<RuleViolated>(() => ReportSalesHandler.Decide(Terms(false), Rules, command, Now)).Rule);
        Assert.Equal("no-royalty", Assert.Throws<RuleViolated>(() => ReportSalesHandler.Decide(Terms(true), Rules with { RoyaltyPercent = null }, command, Now)).Rule);
        var terms = Terms(true);
        var reported = ReportSalesHandler.Decide(terms, Rules, command, Now);
        Assert.Equal((20m, 14m, 6m), (reported.Royalty, reported.Parts[0].Amount, reported.Parts[1].Amount));
        Assert.Equal("period-already-reported", Assert.Throws<RuleViolated>(() => ReportSalesHandler.Decide(terms.Apply(reported), Rules, command, Now)).Rule);
        Assert.Throws<ValidationFailed>(() => ReportSalesHandler.ToCommand(new SalesRequest("2027 Q1!", 10m, "EUR"), Guid.NewGuid(), "brand", "acme"));
        Assert.Throws<ValidationFailed>(() => ReportSalesHandler.ToCommand(new SalesRequest("2027-Q1", 10.001m, "EUR"), Guid.NewGuid(), "brand", "acme"));
    }

    [Fact]
    public void Without_a_split_from_IntellectualProperty_the_authors_at_selection_share_equally()
    {
        var terms = IdeaRewardTerms.Create(new IdeaSelectionNoted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ["a", "b", "c"], Now));
        Assert.Equal([33.34m, 33.33m, 33.33m], terms.PayableShares.Select(s => s.Percent));
    }

    [Fact]
    public void Badges_are_earned_once_at_their_milestone_of_participation()
    {
        var ledger = Ledger.Empty("bob");
        var badges = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var grant = GrantPointsHandler.Decide(ledger, "bob", Guid.NewGuid(), 1, "vote-cast", $"vote-cast:{i}", Now)!;
            ledger = ledger.Apply(grant);
            foreach (var badge in BadgeRules.EarnedBy(ledger, grant)) { ledger = ledger.Apply(badge); badges.Add(badge.Badge); }
        }
        Assert.Equal([BadgeRules.FirstVote, BadgeRules.HundredVotes], badges);
        Assert.Null(GrantPointsHandler.Decide(ledger, "bob", Guid.NewGuid(), 1, "vote-cast", "vote-cast:7", Now));
    }
}
