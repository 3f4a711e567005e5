using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.IntellectualProperty.Contributions;

public sealed record ContributionRecorded(
    Guid ProvenanceId, Guid ContributionId, Guid IdeaId, Guid CampaignId, string Contributor, int Revision,
    string ContentHash, string? AgreementVersion, DateTimeOffset RecordedAt) : ICampaignScoped;

public sealed record ContributionEntry(Guid Id, string Contributor, int Revision, string ContentHash, string? AgreementVersion, DateTimeOffset At);

/// <summary>An idea's provenance as IntellectualProperty keeps it: who contributed which revision.</summary>
public sealed record Provenance(Guid Id, Guid IdeaId, Guid CampaignId, IReadOnlyList<ContributionEntry> Contributions)
{
    public static Guid StreamIdFor(Guid ideaId) => StreamIds.Derive("ip-provenance", ideaId);

    public static Provenance Create(ContributionRecorded e) => new(e.ProvenanceId, e.IdeaId, e.CampaignId, [Entry(e)]);

    public Provenance Apply(ContributionRecorded e) => this with { Contributions = [.. Contributions, Entry(e)] };

    private static ContributionEntry Entry(ContributionRecorded e) =>
        new(e.ContributionId, e.Contributor, e.Revision, e.ContentHash, e.AgreementVersion, e.RecordedAt);
}
