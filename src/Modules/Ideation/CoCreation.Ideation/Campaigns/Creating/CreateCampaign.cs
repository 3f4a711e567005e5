using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;

namespace CoCreation.Ideation.Campaigns.Creating;

public sealed record VotingRequest(string? Mode, int? BudgetPerMember, bool? HideTalliesUntilVoted = null);
public sealed record MilestoneRequest(int Supporters, int WithinDays);
public sealed record ModerationRequest(int? FlagsToHide, List<string>? BannedTerms);
public sealed record PrizeRequest(decimal Amount, [property: Required] string? Currency);
public sealed record RewardsRequest(
    int? PointsForPublishedIdea, int? PointsForVote, int? PointsForMilestone, int? PointsForSelection,
    PrizeRequest? Prize, decimal? RoyaltyPercent, int? PointsForReferral = null);

public sealed record SubmissionsRequest(int? PerMember);
public sealed record PhasesRequest(DateTimeOffset? SubmissionsUntil, DateTimeOffset? VotingUntil);

public sealed record CreateCampaignRequest(
    [property: Required] string? Title, [property: Required] string? Brief, VotingRequest? Voting, List<MilestoneRequest>? Milestones,
    ModerationRequest? Moderation, RewardsRequest? Rewards, SubmissionsRequest? Submissions = null, PhasesRequest? Phases = null,
    AttachmentsRequest? Attachments = null, DonationRequest? Donation = null, ReviewRequest? Review = null);

/// <summary>Rounds: ideas that reach the last milestone wait for the brand's next review round (docs/adr/0034).</summary>
public sealed record ReviewRequest(bool? Rounds);

/// <summary>A pledge per supporter or per selected idea, with a cap (docs/adr/0035).</summary>
public sealed record DonationRequest(string? Cause, string? Per, decimal? Amount, string? Currency, decimal? Cap);

/// <summary>MaxFiles per idea (0 for none), MaxFileMegabytes per file; either left out keeps the default.</summary>
public sealed record AttachmentsRequest(int? MaxFiles, int? MaxFileMegabytes);

public sealed record CreateCampaign(Guid CampaignId, string Title, string Brief, CampaignRules Rules, string By, string Organisation);

public sealed record CampaignCreatedResponse(Guid Id);

public static class CreateCampaignRules
{
    /// <summary>The LEGO Ideas ladder: 100 in 60 days, then 1,000 in a year, then 5,000 and 10,000 in six months each.</summary>
    public static readonly IReadOnlyList<MilestoneRule> DefaultMilestones =
        [new(100, 60), new(1000, 365), new(5000, 182), new(10000, 182)];

    public static readonly RewardRules DefaultRewards = new(10, 1, 25, 100, null, null);

    public const int DefaultFlagsToHide = 3;
    public const int MaxSupporters = 10_000_000;
    public const int MaxWithinDays = 3_650;
    /// <summary>Small enough that a member's points over a lifetime of campaigns stay far inside an int.</summary>
    public const int MaxPoints = 10_000;
    public const int MaxSubmissionsPerMember = 1_000;
    /// <summary>A phase ends within ten years: further is a typo, not a plan.</summary>
    public static readonly TimeSpan MaxPhase = TimeSpan.FromDays(3_650);

    /// <summary>Validates the request and fills in the contract's defaults; phases must end after <paramref name="now"/> (the application clock).</summary>
    public static CreateCampaign ToCommand(CreateCampaignRequest request, Guid campaignId, string by, string organisation, DateTimeOffset? now = null)
    {
        var today = now ?? DateTimeOffset.UtcNow;
        var v = new Validation()
            .Length(request.Title, "title", 5, 120)
            .Length(request.Brief, "brief", 1, 20_000);
        var mode = request.Voting?.Mode ?? "support";
        v.Require(mode is "support" or "rating", "voting.mode", "'voting.mode' must be 'support' or 'rating'.");
        v.Require(request.Voting?.BudgetPerMember is null or (> 0 and <= 10_000), "voting.budgetPerMember", "'voting.budgetPerMember' is from 1 to 10,000, or null.");

        var milestones = request.Milestones is { Count: > 0 }
            ? request.Milestones.Select(m => new MilestoneRule(m.Supporters, m.WithinDays)).ToList()
            : DefaultMilestones.ToList();
        v.Require(milestones.All(m => m.Supporters is > 0 and <= MaxSupporters && m.WithinDays is > 0 and <= MaxWithinDays), "milestones",
            $"Every milestone needs 'supporters' from 1 to {MaxSupporters:N0} and 'withinDays' from 1 to {MaxWithinDays:N0}.");
        v.Require(milestones.Zip(milestones.Skip(1)).All(p => p.Second.Supporters > p.First.Supporters), "milestones", "Milestone supporters must increase.");
        v.Require(milestones.Count <= 20, "milestones", "At most 20 milestones.");

        var flagsToHide = request.Moderation?.FlagsToHide ?? DefaultFlagsToHide;
        v.Require(flagsToHide is >= 1 and <= 1000, "moderation.flagsToHide", "'moderation.flagsToHide' must be between 1 and 1000.");
        var bannedTerms = (request.Moderation?.BannedTerms ?? []).Select(t => t?.Trim() ?? "").ToList();
        v.Require(bannedTerms.Count <= 500 && bannedTerms.All(t => t.Length is >= 2 and <= 60), "moderation.bannedTerms",
            "'moderation.bannedTerms' takes at most 500 terms of 2 to 60 characters.");

        var r = request.Rewards;
        var rewards = new RewardRules(
            r?.PointsForPublishedIdea ?? DefaultRewards.PointsForPublishedIdea,
            r?.PointsForVote ?? DefaultRewards.PointsForVote,
            r?.PointsForMilestone ?? DefaultRewards.PointsForMilestone,
            r?.PointsForSelection ?? DefaultRewards.PointsForSelection,
            r?.Prize is { } p ? new PrizeRule(p.Amount, p.Currency ?? "") : null,
            r?.RoyaltyPercent,
            r?.PointsForReferral ?? DefaultRewards.PointsForReferral);
        v.Require(new[] { rewards.PointsForPublishedIdea, rewards.PointsForVote, rewards.PointsForMilestone, rewards.PointsForSelection, rewards.PointsForReferral }.All(p => p is >= 0 and <= MaxPoints),
            "rewards", $"Points are from 0 to {MaxPoints:N0}.");
        if (rewards.Prize is { } prize)
        {
            v.Require(prize.Amount is >= 0.01m and <= 1_000_000_000m && decimal.Round(prize.Amount, 2) == prize.Amount, "rewards.prize.amount",
                "'rewards.prize.amount' is from 0.01 to 1,000,000,000 with at most two decimals.");
            v.Require(prize.Currency.Length == 3 && prize.Currency.All(char.IsAsciiLetterUpper), "rewards.prize.currency", "'rewards.prize.currency' must be an ISO 4217 code such as EUR.");
        }
        v.Require(rewards.RoyaltyPercent is null or (> 0 and <= 100), "rewards.royaltyPercent", "'rewards.royaltyPercent' must be in (0, 100].");

        var perMember = request.Submissions?.PerMember;
        v.Require(perMember is null or (>= 1 and <= MaxSubmissionsPerMember), "submissions.perMember",
            $"'submissions.perMember' is from 1 to {MaxSubmissionsPerMember:N0}, or null for no cap.");
        var (submissionsUntil, votingUntil) = (request.Phases?.SubmissionsUntil, request.Phases?.VotingUntil);
        foreach (var (at, field) in new[] { (submissionsUntil, "phases.submissionsUntil"), (votingUntil, "phases.votingUntil") })
            v.Require(at is null || (at > today && at - today <= MaxPhase), field, $"'{field}' must be in the future, within ten years.");
        v.Require(submissionsUntil is null || votingUntil is null || votingUntil >= submissionsUntil, "phases.votingUntil",
            "'phases.votingUntil' cannot come before 'phases.submissionsUntil'.");
        var attachments = request.Attachments is { } a
            ? new AttachmentRules(a.MaxFiles ?? AttachmentRules.Default.MaxFiles, a.MaxFileMegabytes ?? AttachmentRules.Default.MaxFileMegabytes)
            : null;
        v.Require(attachments is null || attachments.MaxFiles is >= 0 and <= AttachmentRules.MaxFilesCeiling, "attachments.maxFiles",
            $"'attachments.maxFiles' is from 0 (no files) to {AttachmentRules.MaxFilesCeiling}.");
        v.Require(attachments is null || attachments.MaxFileMegabytes is >= 1 and <= AttachmentRules.MaxFileMegabytesCeiling, "attachments.maxFileMegabytes",
            $"'attachments.maxFileMegabytes' is from 1 to {AttachmentRules.MaxFileMegabytesCeiling}.");
        var donation = request.Donation is { } d
            ? new DonationRules(d.Cause?.Trim() ?? "", d.Per ?? "", d.Amount ?? 0m, d.Currency?.Trim() ?? "EUR", d.Cap ?? 0m)
            : null;
        if (donation is not null)
        {
            v.Length(donation.Cause, "donation.cause", 1, 120);
            v.Require(donation.Per is DonationRules.PerSupporter or DonationRules.PerSelectedIdea, "donation.per",
                "'donation.per' must be 'supporter' or 'selectedIdea'.");
            v.Require(donation.Amount is >= 0.01m and <= 1_000_000_000m && decimal.Round(donation.Amount, 2) == donation.Amount, "donation.amount",
                "'donation.amount' is from 0.01 to 1,000,000,000 with at most two decimals.");
            v.Require(donation.Currency.Length == 3 && donation.Currency.All(char.IsAsciiLetterUpper), "donation.currency",
                "'donation.currency' must be an ISO 4217 code such as EUR.");
            v.Require(donation.Cap >= donation.Amount && donation.Cap <= 1_000_000_000m && decimal.Round(donation.Cap, 2) == donation.Cap, "donation.cap",
                "'donation.cap' is at least 'donation.amount', at most 1,000,000,000, with at most two decimals.");
        }
        v.ThrowIfInvalid();

        var rules = new CampaignRules(new VotingRules(mode, request.Voting?.BudgetPerMember, request.Voting?.HideTalliesUntilVoted == true), milestones,
            new ModerationRules(flagsToHide, bannedTerms.Distinct(StringComparer.OrdinalIgnoreCase).ToList()), rewards,
            perMember is null ? null : new SubmissionRules(perMember),
            submissionsUntil is null && votingUntil is null ? null : new CampaignPhases(submissionsUntil?.ToUniversalTime(), votingUntil?.ToUniversalTime()),
            attachments, donation, request.Review?.Rounds == true ? new ReviewRules(true) : null);
        return new CreateCampaign(campaignId, request.Title!.Trim(), request.Brief!.Trim(), rules, by, organisation);
    }
}

public static class CreateCampaignHandler
{
    public static CampaignCreatedResponse Handle(CreateCampaign command, IDocumentSession session, TimeProvider clock)
    {
        session.Events.StartStream<Campaign>(command.CampaignId,
            new CampaignCreated(command.CampaignId, command.Title, command.Brief, command.Rules, command.By, clock.GetUtcNow(), command.Organisation));
        return new CampaignCreatedResponse(command.CampaignId);
    }
}
