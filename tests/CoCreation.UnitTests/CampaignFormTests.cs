using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Running;
using Microsoft.Extensions.Primitives;

namespace CoCreation.UnitTests;

/// <summary>The brand page's campaign form: the contract's defaults as fields, what was typed into the API's request, and back in the address.</summary>
public class CampaignFormTests
{
    private static CampaignForm Typed(params (string Field, string Value)[] values) =>
        CampaignForm.From(values.Select(v => new KeyValuePair<string, StringValues>(v.Field, v.Value)));

    [Fact]
    public void The_defaults_make_the_same_campaign_as_an_api_request_that_names_nothing_but_title_and_brief()
    {
        var form = CampaignForm.Defaults();
        form.Values["title"] = "Harbour of tomorrow";
        form.Values["brief"] = "Sets about ports.";
        var errors = new HashSet<string>();
        var fromForm = CreateCampaignRules.ToCommand(form.ToRequest(errors), Guid.Empty, "brand", "org");
        var fromApi = CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour of tomorrow", "Sets about ports.", null, null, null, null), Guid.Empty, "brand", "org");

        Assert.Empty(errors);
        Assert.Equal(fromApi.Rules.Milestones, fromForm.Rules.Milestones);
        Assert.Equal((fromApi.Rules.Voting, fromApi.Rules.Moderation.FlagsToHide, fromApi.Rules.Rewards),
            (fromForm.Rules.Voting, fromForm.Rules.Moderation.FlagsToHide, fromForm.Rules.Rewards));
        Assert.Equal([100, 1000, 5000, 10000], fromForm.Rules.Milestones.Select(m => m.Supporters));
        Assert.Equal((fromApi.Rules.Submissions, fromApi.Rules.Phases), (fromForm.Rules.Submissions, fromForm.Rules.Phases));
    }

    [Fact]
    public void A_drafts_form_gives_back_the_same_rules_it_was_filled_from()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var rules = CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "A brief.", new VotingRequest("rating", 5),
            [new MilestoneRequest(10, 30), new MilestoneRequest(50, 60)], new ModerationRequest(4, ["spam", "scam"]),
            new RewardsRequest(5, 2, 20, 80, new PrizeRequest(1500.5m, "EUR"), 2.5m, 7), new SubmissionsRequest(3),
            new PhasesRequest(now.AddDays(10), now.AddDays(20))), Guid.Empty, "brand", "org", now).Rules;
        var details = new CoCreation.Ideation.Campaigns.GettingDetails.CampaignDetails(Guid.NewGuid(), "Harbour sets", "A brief.",
            CoCreation.Ideation.Campaigns.CampaignStatus.Draft, rules, "brand", now, null, null, "org");

        var errors = new HashSet<string>();
        var again = CreateCampaignRules.ToCommand(CampaignForm.Of(details).ToRequest(errors), Guid.Empty, "brand", "org", now).Rules;

        Assert.Empty(errors);
        Assert.Equal(rules.Voting, again.Voting);
        Assert.Equal(rules.Milestones, again.Milestones);
        Assert.Equal(rules.Moderation.FlagsToHide, again.Moderation.FlagsToHide);
        Assert.Equal(rules.Moderation.BannedTerms, again.Moderation.BannedTerms);
        Assert.Equal(rules.Rewards, again.Rewards);
        Assert.Equal((rules.Submissions, rules.Phases), (again.Submissions, again.Phases));
    }

    [Fact]
    public void A_donation_pledge_goes_through_the_form_and_back_and_its_errors_land_on_its_fields()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var rules = CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "A brief.", null, null, null, null,
            Donation: new DonationRequest("Les Restos du Cœur", "selectedIdea", 250.5m, "EUR", 1000m)), Guid.Empty, "brand", "org", now).Rules;
        var details = new CoCreation.Ideation.Campaigns.GettingDetails.CampaignDetails(Guid.NewGuid(), "Harbour sets", "A brief.",
            CoCreation.Ideation.Campaigns.CampaignStatus.Draft, rules, "brand", now, null, null, "org");
        var errors = new HashSet<string>();
        var again = CreateCampaignRules.ToCommand(CampaignForm.Of(details).ToRequest(errors), Guid.Empty, "brand", "org", now).Rules;
        Assert.Empty(errors);
        Assert.Equal(rules.Donation, again.Donation);

        Assert.Null(Typed(("donationPer", "supporter"), ("donationCurrency", "EUR")).ToRequest(errors).Donation);
        Assert.Equal(["donationCause", "donationCap"], CampaignForm.FieldsOf(new Dictionary<string, string[]> { ["donation.cause"] = [], ["donation.cap"] = [] }));
        Typed(("donationCause", "Cause"), ("donationAmount", "two euros")).ToRequest(errors);
        Assert.Equal(new HashSet<string> { "donationAmount" }, errors);
    }

    [Fact]
    public void Phases_are_read_as_utc_and_the_cap_as_a_number_and_anything_else_is_their_field_error()
    {
        var errors = new HashSet<string>();
        var request = Typed(("perMember", "3"), ("submissionsUntil", "2027-01-15T18:30"), ("votingUntil", "2027-02-01T09:00")).ToRequest(errors);
        Assert.Empty(errors);
        Assert.Equal(3, request.Submissions!.PerMember);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 18, 30, 0, TimeSpan.Zero), request.Phases!.SubmissionsUntil);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero), request.Phases.VotingUntil);

        Typed(("perMember", "a few"), ("submissionsUntil", "soon"), ("votingUntil", "")).ToRequest(errors);
        Assert.Equal(new HashSet<string> { "perMember", "submissionsUntil" }, errors);
    }

    [Fact]
    public void Empty_milestone_rows_are_dropped_and_a_half_filled_row_or_a_word_for_a_number_is_a_field_error()
    {
        var errors = new HashSet<string>();
        var request = Typed(("m0s", "1"), ("m0d", "30"), ("m2s", "5"), ("m2d", "10")).ToRequest(errors);
        Assert.Empty(errors);
        Assert.Equal([new MilestoneRequest(1, 30), new MilestoneRequest(5, 10)], request.Milestones);

        Typed(("m0s", "1"), ("budget", "many"), ("pointsVote", "x"), ("royalty", "1,5")).ToRequest(errors);
        Assert.Equal(new HashSet<string> { "milestones", "budget", "points", "royalty" }, errors);
    }

    [Fact]
    public void The_address_back_keeps_what_was_typed_and_drops_the_brief_when_it_would_be_too_long()
    {
        var address = Typed(("title", "Ferries & tugs"), ("brief", "Short.")).Address(["title"]);
        Assert.Contains("title=Ferries%20%26%20tugs", address);
        Assert.Contains("brief=Short.", address);
        Assert.Contains("errors=title", address);

        var longer = Typed(("title", "Ferries"), ("brief", new string('x', 5000))).Address(["brief"]);
        Assert.DoesNotContain("brief=", longer);
        Assert.Contains("dropped=brief", longer);
        Assert.True(longer.Length <= CampaignForm.MaxAddressLength);
    }
}
