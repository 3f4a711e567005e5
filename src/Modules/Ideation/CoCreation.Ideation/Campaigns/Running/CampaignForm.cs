using System.Globalization;
using CoCreation.Ideation.Campaigns.Creating;
using Microsoft.AspNetCore.Http;

namespace CoCreation.Ideation.Campaigns.Running;

/// <summary>
/// The brand page's "Create campaign" form: what was typed, read into the API's request, and carried back in the address
/// after a refusal so nothing is retyped (the brief is dropped when the address would grow too long).
/// </summary>
public sealed class CampaignForm
{
    public const int MilestoneRows = 6;
    public const int MaxAddressLength = 4000;

    public static readonly string[] Fields =
    [
        "title", "brief", "mode", "budget", "flagsToHide", "bannedTerms", "pointsPublished", "pointsVote", "pointsMilestone",
        "pointsSelection", "pointsReferral", "prizeAmount", "prizeCurrency", "royalty", "perMember", "submissionsUntil", "votingUntil", "hideTallies", "reviewRounds",
        "maxFiles", "maxFileMegabytes", "donationCause", "donationPer", "donationAmount", "donationCurrency", "donationCap",
        .. Enumerable.Range(0, MilestoneRows).SelectMany(i => new[] { $"m{i}s", $"m{i}d" })
    ];

    /// <summary>Where each of the API's invalid fields is shown on the form.</summary>
    private static readonly Dictionary<string, string> FieldOfError = new()
    {
        ["title"] = "title", ["brief"] = "brief", ["voting.mode"] = "mode", ["voting.budgetPerMember"] = "budget",
        ["milestones"] = "milestones", ["moderation.flagsToHide"] = "flagsToHide", ["moderation.bannedTerms"] = "bannedTerms",
        ["rewards"] = "points", ["rewards.prize.amount"] = "prizeAmount", ["rewards.prize.currency"] = "prizeCurrency",
        ["rewards.royaltyPercent"] = "royalty", ["submissions.perMember"] = "perMember",
        ["phases.submissionsUntil"] = "submissionsUntil", ["phases.votingUntil"] = "votingUntil",
        ["attachments.maxFiles"] = "maxFiles", ["attachments.maxFileMegabytes"] = "maxFileMegabytes",
        ["donation.cause"] = "donationCause", ["donation.per"] = "donationPer", ["donation.amount"] = "donationAmount",
        ["donation.currency"] = "donationCurrency", ["donation.cap"] = "donationCap"
    };

    private const NumberStyles Plain = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public Dictionary<string, string> Values { get; } = new();

    public string this[string field] => Values.GetValueOrDefault(field, "");

    /// <summary>The contract's defaults, as a brand first sees the form: support, no budget, the LEGO Ideas ladder, 3 flags, the default points.</summary>
    public static CampaignForm Defaults()
    {
        var form = new CampaignForm();
        form.Values["mode"] = "support";
        form.Values["flagsToHide"] = Number(CreateCampaignRules.DefaultFlagsToHide);
        var rewards = CreateCampaignRules.DefaultRewards;
        form.Values["pointsPublished"] = Number(rewards.PointsForPublishedIdea);
        form.Values["pointsVote"] = Number(rewards.PointsForVote);
        form.Values["pointsMilestone"] = Number(rewards.PointsForMilestone);
        form.Values["pointsSelection"] = Number(rewards.PointsForSelection);
        form.Values["pointsReferral"] = Number(rewards.PointsForReferral);
        form.Values["maxFiles"] = Number(AttachmentRules.Default.MaxFiles);
        form.Values["maxFileMegabytes"] = Number(AttachmentRules.Default.MaxFileMegabytes);
        for (var i = 0; i < CreateCampaignRules.DefaultMilestones.Count; i++)
        {
            form.Values[$"m{i}s"] = Number(CreateCampaignRules.DefaultMilestones[i].Supporters);
            form.Values[$"m{i}d"] = Number(CreateCampaignRules.DefaultMilestones[i].WithinDays);
        }
        return form;
    }

    /// <summary>A draft's own values, for editing it.</summary>
    public static CampaignForm Of(GettingDetails.CampaignDetails campaign)
    {
        var form = new CampaignForm();
        var rules = campaign.Rules;
        void Set(string field, string? value) { if (!string.IsNullOrEmpty(value)) form.Values[field] = value; }
        string Decimal(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        Set("title", campaign.Title);
        Set("brief", campaign.Brief);
        Set("mode", rules.Voting.Mode);
        Set("budget", rules.Voting.BudgetPerMember is { } b ? Number(b) : null);
        Set("hideTallies", rules.Voting.HideTalliesUntilVoted ? "yes" : null);
        Set("reviewRounds", rules.UsesReviewRounds() ? "yes" : null);
        Set("flagsToHide", Number(rules.Moderation.FlagsToHide));
        Set("bannedTerms", string.Join(", ", rules.Moderation.BannedTerms ?? []));
        Set("pointsPublished", Number(rules.Rewards.PointsForPublishedIdea));
        Set("pointsVote", Number(rules.Rewards.PointsForVote));
        Set("pointsMilestone", Number(rules.Rewards.PointsForMilestone));
        Set("pointsSelection", Number(rules.Rewards.PointsForSelection));
        Set("pointsReferral", Number(rules.Rewards.PointsForReferral));
        Set("prizeAmount", rules.Rewards.Prize is { } prize ? Decimal(prize.Amount) : null);
        Set("prizeCurrency", rules.Rewards.Prize?.Currency);
        Set("royalty", rules.Rewards.RoyaltyPercent is { } royalty ? Decimal(royalty) : null);
        Set("perMember", rules.Submissions?.PerMember is { } cap ? Number(cap) : null);
        Set("submissionsUntil", rules.Phases?.SubmissionsUntil is { } s ? Instant(s) : null);
        Set("votingUntil", rules.Phases?.VotingUntil is { } v ? Instant(v) : null);
        Set("maxFiles", Number(rules.AttachmentsInForce().MaxFiles));
        Set("maxFileMegabytes", Number(rules.AttachmentsInForce().MaxFileMegabytes));
        if (rules.Donation is { } d)
        {
            Set("donationCause", d.Cause);
            Set("donationPer", d.Per);
            Set("donationAmount", Decimal(d.Amount));
            Set("donationCurrency", d.Currency);
            Set("donationCap", Decimal(d.Cap));
        }
        for (var i = 0; i < Math.Min(MilestoneRows, rules.Milestones.Count); i++)
        {
            Set($"m{i}s", Number(rules.Milestones[i].Supporters));
            Set($"m{i}d", Number(rules.Milestones[i].WithinDays));
        }
        return form;
    }

    public static CampaignForm From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> pairs)
    {
        var form = new CampaignForm();
        foreach (var (key, value) in pairs)
            if (Fields.Contains(key)) form.Values[key] = value.ToString();
        return form;
    }

    /// <summary>The API's request from what was typed; a number that is not one is a field error here, before the API's rules.</summary>
    public CreateCampaignRequest ToRequest(ISet<string> errors)
    {
        int? Int(string field)
        {
            var text = this[field].Trim();
            if (text.Length == 0) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(field.StartsWith('m') && field.Length <= 3 ? "milestones" : field.StartsWith("points") ? "points" : field);
            return null;
        }
        decimal? Decimal(string field)
        {
            var text = this[field].Trim();
            if (text.Length == 0) return null;
            if (decimal.TryParse(text, Plain, CultureInfo.CurrentCulture, out var n)
                || decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out n)) return n;
            errors.Add(field);
            return null;
        }

        // A datetime-local field has no zone: the form says its times are UTC.
        DateTimeOffset? Instant(string field)
        {
            var text = this[field].Trim();
            if (text.Length == 0) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return at;
            errors.Add(field);
            return null;
        }

        var milestones = new List<MilestoneRequest>();
        for (var i = 0; i < MilestoneRows; i++)
        {
            var (supporters, days) = (Int($"m{i}s"), Int($"m{i}d"));
            if (supporters is null && days is null) continue;
            if (supporters is null || days is null) errors.Add("milestones");
            else milestones.Add(new MilestoneRequest(supporters.Value, days.Value));
        }
        var prizeAmount = Decimal("prizeAmount");
        var currency = this["prizeCurrency"].Trim();
        var prize = prizeAmount is null && currency.Length == 0 ? null : new PrizeRequest(prizeAmount ?? 0, currency.ToUpperInvariant());
        // No cause, amount nor cap typed: no pledge (the other donation fields alone do not make one).
        var (donationAmount, donationCap) = (Decimal("donationAmount"), Decimal("donationCap"));
        var donation = this["donationCause"].Trim().Length == 0 && donationAmount is null && donationCap is null ? null
            : new DonationRequest(this["donationCause"], this["donationPer"].Length == 0 ? "supporter" : this["donationPer"], donationAmount,
                this["donationCurrency"].Trim().Length == 0 ? "EUR" : this["donationCurrency"].Trim().ToUpperInvariant(), donationCap);
        var terms = this["bannedTerms"].Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        return new CreateCampaignRequest(
            this["title"], this["brief"],
            new VotingRequest(this["mode"].Length == 0 ? null : this["mode"], Int("budget"), this["hideTallies"] == "yes"),
            milestones,
            new ModerationRequest(Int("flagsToHide"), terms),
            new RewardsRequest(Int("pointsPublished"), Int("pointsVote"), Int("pointsMilestone"), Int("pointsSelection"), prize, Decimal("royalty"), Int("pointsReferral")),
            new SubmissionsRequest(Int("perMember")),
            new PhasesRequest(Instant("submissionsUntil"), Instant("votingUntil")),
            new AttachmentsRequest(Int("maxFiles"), Int("maxFileMegabytes")),
            donation,
            new ReviewRequest(this["reviewRounds"] == "yes"));
    }

    public static IEnumerable<string> FieldsOf(IReadOnlyDictionary<string, string[]> apiErrors) =>
        apiErrors.Keys.Select(k => FieldOfError.GetValueOrDefault(k, "form")).Distinct();

    /// <summary>The form's page address (the brand page, or a draft's edit page) with this form and its invalid fields.</summary>
    public string Address(IEnumerable<string> invalid, string page = "/brand")
    {
        var errors = string.Join(",", invalid);
        string Build(bool withBrief) =>
            page + "?" + string.Join("&", Values.Where(v => v.Value.Length > 0 && (withBrief || v.Key is not ("brief" or "bannedTerms")))
                .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}")
                .Append($"errors={Uri.EscapeDataString(errors)}")
                .Append(withBrief ? "" : "dropped=brief")
                .Where(p => p.Length > 0)) + "#create-heading";
        var whole = Build(true);
        return whole.Length <= MaxAddressLength ? whole : Build(false);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
