using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Agreements.Listing;
using CoCreation.IntellectualProperty.Ownership;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.UnitTests;

/// <summary>The pure parts of IntellectualProperty's listings and page forms.</summary>
public class IntellectualPropertyPageRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Agreement_versions_are_listed_newest_first_with_their_own_acceptance_counts_and_only_the_newest_in_force()
    {
        var registry = new AgreementRegistry(AgreementRegistry.StreamId,
        [
            new AgreementVersion("1", "one", AgreementRegistry.HashOf("one"), "legal", T0),
            new AgreementVersion("2", "two", AgreementRegistry.HashOf("two"), "legal", T0.AddDays(30))
        ]);
        var list = AgreementVersionList.NewestFirst(registry, new Dictionary<string, int> { ["1"] = 7 });
        Assert.Equal(["2", "1"], list.Select(v => v.Version));
        Assert.Equal([0, 7], list.Select(v => v.Acceptances));
        Assert.Equal([true, false], list.Select(v => v.Current));
        Assert.Equal(AgreementRegistry.HashOf("two"), list[0].TextHash);
        Assert.Empty(AgreementVersionList.NewestFirst(null, new Dictionary<string, int>()));
    }

    [Fact]
    public void The_split_form_leaves_out_blank_and_zero_shares_reads_either_decimal_mark_and_refuses_what_is_not_a_number()
    {
        var shares = OwnershipPageEndpoints.Shares(["ann", "bob", "cy", "dee"], ["66.67", "33,33", "0", " "]);
        Assert.Equal([("ann", 66.67m), ("bob", 33.33m)], shares.Select(s => (s.UserId!, s.Percent!.Value)));
        Assert.Throws<ValidationFailed>(() => OwnershipPageEndpoints.Shares(["ann"], ["half"]));
    }

    [Theory]
    [InlineData("/ideas/1#contributors-heading", "/ideas/1?ipRefused=not-listed#contributors-heading")]
    [InlineData("/me", "/me?ipRefused=not-listed")]
    [InlineData("/me?x=1", "/me?x=1&ipRefused=not-listed")]
    public void A_refusal_goes_back_in_the_query_before_the_fragment(string back, string expected) =>
        Assert.Equal(expected, OwnershipPageEndpoints.WithRefusal(back, "not-listed"));
}
