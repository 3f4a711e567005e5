using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Donations;

namespace CoCreation.UnitTests;

public class DonationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid CampaignId = Guid.NewGuid();

    private static CreateCampaign Create(DonationRequest? donation) => CreateCampaignRules.ToCommand(
        new CreateCampaignRequest("A campaign", "The brief", null, null, null, null, Donation: donation), Guid.NewGuid(), "brand", "org", Now);

    private static CampaignDonation Run(DonationPledge pledge, params (string Reason, string Source)[] facts)
    {
        var tally = CampaignDonation.Start(CampaignId, pledge);
        foreach (var (reason, source) in facts)
            foreach (var e in DonationAccrual.Decide(tally, reason, source, Now))
                tally = tally.Fold(e);
        return tally;
    }

    [Fact]
    public void A_valid_pledge_is_kept_in_the_rules_and_none_is_the_default()
    {
        Assert.Null(Create(null).Rules.Donation);
        Assert.Equal(new DonationRules("Les Restos du Cœur", "supporter", 2m, "EUR", 500m),
            Create(new DonationRequest(" Les Restos du Cœur ", "supporter", 2m, "EUR", 500m)).Rules.Donation);
    }

    [Theory]
    [InlineData("", "supporter", 2, "EUR", 10, "donation.cause")]
    [InlineData("Cause", "idea", 2, "EUR", 10, "donation.per")]
    [InlineData("Cause", "supporter", 0, "EUR", 10, "donation.amount")]
    [InlineData("Cause", "selectedIdea", 2, "euro", 10, "donation.currency")]
    [InlineData("Cause", "supporter", 20, "EUR", 10, "donation.cap")]
    public void A_bad_pledge_is_a_field_error(string cause, string per, double amount, string currency, double cap, string field)
    {
        var e = Assert.Throws<ValidationFailed>(() => Create(new DonationRequest(cause, per, (decimal)amount, currency, (decimal)cap)));
        Assert.Equal([field], e.Errors.Keys);
    }

    [Fact]
    public void A_supporter_counts_once_however_many_ideas_they_support()
    {
        var tally = Run(new DonationPledge("c", "supporter", 2m, "EUR", 100m),
            ("supporter", "ann"), ("supporter", "bob"), ("supporter", "ann"), ("supporter", "cyd"));
        Assert.Equal(6m, tally.Raised);
        Assert.False(tally.CapReached);
    }

    [Fact]
    public void A_selected_idea_counts_once_and_supporters_do_not_count_for_an_idea_pledge()
    {
        var tally = Run(new DonationPledge("c", "selectedIdea", 50m, "EUR", 1000m),
            ("idea", "i1"), ("supporter", "ann"), ("idea", "i1"), ("idea", "i2"));
        Assert.Equal(100m, tally.Raised);
    }

    [Fact]
    public void The_last_accrual_is_clipped_to_the_cap_which_is_reached_once()
    {
        var pledge = new DonationPledge("c", "supporter", 2m, "EUR", 5m);
        var tally = CampaignDonation.Start(CampaignId, pledge);
        var all = new List<object>();
        foreach (var who in new[] { "ann", "bob", "cyd", "dan" })
            foreach (var e in DonationAccrual.Decide(tally, "supporter", who, Now))
            {
                all.Add(e);
                tally = tally.Fold(e);
            }
        Assert.Equal(new[] { 2m, 2m, 1m }, all.OfType<DonationAccrued>().Select(a => a.Amount));
        Assert.Single(all.OfType<DonationCapReached>());
        Assert.Equal(5m, tally.Raised);
        Assert.True(tally.CapReached);
    }

    [Fact]
    public void A_redelivered_fact_decides_nothing()
    {
        var pledge = new DonationPledge("c", "supporter", 2m, "EUR", 100m);
        var tally = Run(pledge, ("supporter", "ann"));
        Assert.Empty(DonationAccrual.Decide(tally, "supporter", "ann", Now));
        Assert.Equal(1, tally.Supporters);
    }
}
