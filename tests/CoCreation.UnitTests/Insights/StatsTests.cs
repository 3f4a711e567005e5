using CoCreation.Insights.Figures;

namespace CoCreation.UnitTests.Insights;

public class StatsTests
{
    private const int Digits = 12;

    [Fact]
    public void Gini_is_zero_when_all_are_equal_and_n_minus_one_over_n_when_one_holds_everything()
    {
        Assert.Equal(0, Stats.Gini([1, 1, 1, 1]), Digits);
        Assert.Equal(0.75, Stats.Gini([0, 0, 0, 10]), Digits);
        Assert.Equal(0.75, Stats.Gini([10, 0, 0, 0]), Digits);
        // Mean absolute difference over twice the mean: (|1-3| + |3-1|) / (2 * 2^2 * 2) = 0.25.
        Assert.Equal(0.25, Stats.Gini([3, 1]), Digits);
    }

    [Fact]
    public void Gini_of_nothing_or_of_zeros_is_zero()
    {
        Assert.Equal(0, Stats.Gini([]));
        Assert.Equal(0, Stats.Gini([0, 0, 0]));
    }

    [Fact]
    public void Quantiles_interpolate_linearly_between_the_closest_ranks_whatever_the_order_given()
    {
        double[] values = [7, 3, 10, 1, 5, 2, 9, 4, 8, 6];
        Assert.Equal(5.5, Stats.Quantile(values, 0.5)!.Value, Digits);
        Assert.Equal(5.5, Stats.Median(values)!.Value, Digits);
        // Position (10 - 1) * 0.95 = 8.55: between the 9th (9) and 10th (10) values.
        Assert.Equal(9.55, Stats.Quantile(values, 0.95)!.Value, Digits);
        Assert.Equal(1, Stats.Quantile(values, 0)!.Value);
        Assert.Equal(10, Stats.Quantile(values, 1)!.Value);
        Assert.Equal(3.25, Stats.Quantile(values, 0.25)!.Value, Digits);
    }

    [Fact]
    public void Quantile_of_one_value_is_that_value_and_of_none_is_null()
    {
        Assert.Equal(7, Stats.Quantile([7], 0.95));
        Assert.Equal(2, Stats.Median([3, 1, 2]));
        Assert.Null(Stats.Quantile([], 0.5));
        Assert.Null(Stats.Median([]));
    }

    [Fact]
    public void The_top_tenth_of_ten_members_is_the_single_most_active_one()
    {
        int[] amounts = [1, 1, 1, 10, 1, 1, 1, 1, 1, 1];
        Assert.Equal(10 / 19.0, Stats.TopShare(amounts, 10, 0.1), Digits);
    }

    [Fact]
    public void The_top_percent_of_150_members_is_two_members_rounded_up()
    {
        int[] amounts = [5, 4, .. Enumerable.Repeat(1, 148)];
        // 157 in all; the top 2 hold 9 (one would be 5, three 10).
        Assert.Equal(9 / 157.0, Stats.TopShare(amounts, 150, 0.01), Digits);
    }

    [Fact]
    public void The_top_share_takes_at_least_one_member_and_counts_members_with_nothing_in_the_population()
    {
        Assert.Equal(0.8, Stats.TopShare([0, 4, 0, 1, 0], 5, 0.1), Digits);
        // Ten members, of whom only three did anything: the top 10% is still one member.
        Assert.Equal(0.5, Stats.TopShare([3, 2, 1, 0, 0, 0, 0, 0, 0, 0], 10, 0.1), Digits);
        // Twenty members: the top 10% is two.
        Assert.Equal(5 / 6.0, Stats.TopShare([3, 2, 1, .. Enumerable.Repeat(0, 17)], 20, 0.1), Digits);
    }

    [Fact]
    public void The_top_share_of_nothing_is_zero()
    {
        Assert.Equal(0, Stats.TopShare([0, 0], 2, 0.1));
        Assert.Equal(0, Stats.TopShare([], 0, 0.1));
    }

    [Fact]
    public void A_ratio_of_a_zero_whole_is_zero()
    {
        Assert.Equal(0.25, Stats.Ratio(1, 4));
        Assert.Equal(0, Stats.Ratio(3, 0));
    }
}
