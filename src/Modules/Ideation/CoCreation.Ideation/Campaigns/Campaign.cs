using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.Ideation.Contracts;

namespace CoCreation.Ideation.Campaigns;

public enum CampaignStatus { Draft, Open, Closed }

/// <summary>HideTalliesUntilVoted: supporter counts and scores are shown to a member only once they voted for the idea, until voting ends (brand and legal always see them).</summary>
public sealed record VotingRules(string Mode, int? BudgetPerMember, bool HideTalliesUntilVoted = false);

/// <summary>BannedTerms: the campaign's own words that screening flags, on top of the platform's list.</summary>
public sealed record ModerationRules(int FlagsToHide, IReadOnlyList<string>? BannedTerms = null);

/// <summary>PerMember: how many ideas one member may submit to the campaign (withdrawn ones count); null for no cap.</summary>
public sealed record SubmissionRules(int? PerMember);

/// <summary>The campaign's phases: submissions are taken until the first instant, votes until the second (either may be open-ended).</summary>
public sealed record CampaignPhases(DateTimeOffset? SubmissionsUntil, DateTimeOffset? VotingUntil);

/// <summary>
/// MaxFiles: files per idea revision; MaxFileMegabytes: the size of one file (MiB). Null in campaigns created before
/// attachments: <see cref="Default"/>.
/// </summary>
public sealed record AttachmentRules(int MaxFiles, int MaxFileMegabytes)
{
    public static readonly AttachmentRules Default = new(6, 10);
    public const int MaxFilesCeiling = 20;
    public const int MaxFileMegabytesCeiling = 25;

    public long MaxFileBytes() => MaxFileMegabytes * 1024L * 1024L;
}

/// <summary>
/// A pledge: the brand gives Amount (in Currency) to Cause per distinct supporter of the campaign ("supporter") or per
/// selected idea ("selectedIdea"), never more than Cap in all (docs/adr/0035).
/// </summary>
public sealed record DonationRules(
    [NotMemberWritten("the cause the brand names for its pledge, written by staff in their brand role")] string Cause,
    string Per, decimal Amount, string Currency, decimal Cap)
{
    public const string PerSupporter = "supporter";
    public const string PerSelectedIdea = "selectedIdea";
}

/// <summary>Rounds: ideas that reach the last milestone wait for the brand's next review round, whose results are published together (docs/adr/0034).</summary>
public sealed record ReviewRules(bool Rounds);

/// <summary>Submissions and Phases are null in campaigns created before they existed: no cap, no deadlines.</summary>
public sealed record CampaignRules(
    VotingRules Voting,
    IReadOnlyList<MilestoneRule> Milestones,
    ModerationRules Moderation,
    RewardRules Rewards,
    SubmissionRules? Submissions = null,
    CampaignPhases? Phases = null,
    AttachmentRules? Attachments = null,
    DonationRules? Donation = null,
    ReviewRules? Review = null)
{
    public AttachmentRules AttachmentsInForce() => Attachments ?? AttachmentRules.Default;

    public bool UsesReviewRounds() => Review?.Rounds == true;
}

/// <summary>Organisation: the brand organisation that runs the campaign (null in events recorded before organisations: the creator's own).</summary>
public sealed record CampaignCreated(
    Guid CampaignId, [NotMemberWritten("the brand's campaign title, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Title, string Brief, CampaignRules Rules, string CreatedBy, DateTimeOffset CreatedAt, string? Organisation = null) : ICampaignScoped
{
    public string RunBy => Organisation ?? Viewer.OrganisationOf(CreatedBy, null);
}

public sealed record CampaignOpened(Guid CampaignId, string OpenedBy, DateTimeOffset OpenedAt) : ICampaignScoped;

public sealed record CampaignClosed(Guid CampaignId, string ClosedBy, DateTimeOffset ClosedAt) : ICampaignScoped;

/// <summary>The campaign's write model: only what its decisions need. Round: the review round now open, if any.</summary>
public sealed record Campaign(Guid Id, string Title, CampaignStatus Status, CampaignRules Rules, string Organisation = "",
    ReviewRounds.RoundInProgress? Round = null, int RoundsHeld = 0, IReadOnlyList<Guid>? ClosedRounds = null)
{
    public static Campaign Create(CampaignCreated e) => new(e.CampaignId, e.Title, CampaignStatus.Draft, e.Rules, e.RunBy);

    public Campaign Apply(CampaignOpened _) => this with { Status = CampaignStatus.Open };

    public Campaign Apply(CampaignClosed _) => this with { Status = CampaignStatus.Closed };

    public Campaign Apply(Editing.CampaignDraftEdited e) => this with { Title = e.Title, Rules = e.Rules };

    public Campaign Apply(ReviewRounds.ReviewRoundOpened e) =>
        this with { Round = new ReviewRounds.RoundInProgress(e.RoundId, e.Number, e.IdeaIds, new Dictionary<Guid, ReviewRounds.RoundDecision>()), RoundsHeld = e.Number };

    public Campaign Apply(ReviewRounds.ReviewRoundIdeaDecided e) => Round is null ? this : this with { Round = Round.With(e) };

    public Campaign Apply(ReviewRounds.ReviewRoundClosed e) => this with { Round = null, ClosedRounds = [.. ClosedRounds ?? [], e.RoundId] };
}
