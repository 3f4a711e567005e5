using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.Ideation.Ideas.Submitting;

/// <summary>A member's submission counted against a capped campaign's limit (the count after it).</summary>
public sealed record MemberSubmissionCounted(Guid CampaignId, string Member, Guid IdeaId, int Count, DateTimeOffset CountedAt) : ICampaignScoped;

/// <summary>
/// How many ideas one member has submitted to one capped campaign: a stream of its own, so two submissions racing for
/// the last place append at the same version and one of them is refused; a count read from the idea list would let both
/// through. Withdrawing an idea does not give its place back (docs/adr/0027).
/// </summary>
public sealed record MemberSubmissions(Guid Id, int Count)
{
    public static MemberSubmissions Create(MemberSubmissionCounted e) => new(Guid.Empty, e.Count);

    public MemberSubmissions Apply(MemberSubmissionCounted e) => this with { Count = e.Count };

    public static Guid StreamIdFor(Guid campaignId, string member) => StreamIds.Derive("member-submissions", $"{campaignId:D}\n{member}");
}
