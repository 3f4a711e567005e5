using CoCreation.BuildingBlocks.Audit;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.IntellectualProperty.Contracts;

namespace CoCreation.IntellectualProperty.Contributions;

public sealed record ContributionRecorded(
    Guid ProvenanceId, Guid ContributionId, Guid IdeaId, Guid CampaignId, string Contributor, int Revision,
    string ContentHash, string? AgreementVersion, DateTimeOffset RecordedAt) : ICampaignScoped, IHasReceipt
{
    Guid IHasReceipt.ReceiptId => ContributionId;
}

/// <summary>Who the idea's authors are now (its submitter and accepted co-authors), as Ideation reported.</summary>
public sealed record IdeaAuthorsNoted(Guid ProvenanceId, Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Authors, DateTimeOffset NotedAt) : ICampaignScoped;

public sealed record OwnershipProposed(
    Guid ProvenanceId, Guid IdeaId, Guid CampaignId, Guid ProposalId, IReadOnlyList<OwnershipShare> Shares, string ProposedBy, DateTimeOffset ProposedAt) : ICampaignScoped;

public sealed record OwnershipConfirmed(Guid ProvenanceId, Guid IdeaId, Guid CampaignId, Guid ProposalId, string ConfirmedBy, DateTimeOffset ConfirmedAt) : ICampaignScoped;

/// <summary>Every listed contributor confirmed: this split is the one in force.</summary>
public sealed record OwnershipSettled(Guid ProvenanceId, Guid IdeaId, Guid CampaignId, Guid ProposalId, IReadOnlyList<OwnershipShare> Shares, DateTimeOffset SettledAt) : ICampaignScoped;

public sealed record LicenceGrant(string Contributor, string? AgreementVersion, string? AgreementTextHash);

/// <summary>The idea was selected: the brand holds a licence from each contributor under the agreement version they contributed under.</summary>
public sealed record LicenceGranted(
    Guid ProvenanceId, Guid IdeaId, Guid CampaignId, string Licensee, IReadOnlyList<LicenceGrant> Grants, string SelectedBy, DateTimeOffset GrantedAt) : ICampaignScoped;

public sealed record ContributionEntry(Guid Id, string Contributor, int Revision, string ContentHash, string? AgreementVersion, DateTimeOffset At);

public sealed record PendingProposal(Guid ProposalId, IReadOnlyList<OwnershipShare> Shares, string ProposedBy, DateTimeOffset ProposedAt, IReadOnlyList<string> ConfirmedBy);

public sealed record SettledSplit(Guid ProposalId, IReadOnlyList<OwnershipShare> Shares, DateTimeOffset SettledAt);

/// <summary>An idea's provenance as IntellectualProperty keeps it: contributions, authors, ownership, licences. One stream per idea.</summary>
public sealed record Provenance(
    Guid Id, Guid IdeaId, Guid CampaignId, IReadOnlyList<ContributionEntry> Contributions,
    IReadOnlyList<string>? Authors = null, PendingProposal? Pending = null, SettledSplit? Settled = null,
    IReadOnlyList<LicenceGranted>? Licences = null, bool Public = false)
{
    public static Guid StreamIdFor(Guid ideaId) => StreamIds.Derive("ip-provenance", ideaId);

    public IReadOnlyList<string> CurrentAuthors => Authors ?? Contributions.Where(c => c.Revision == 1).Select(c => c.Contributor).Distinct().ToList();

    public IReadOnlyList<string> Contributors => Contributions.Select(c => c.Contributor).Concat(CurrentAuthors).Distinct().ToList();

    /// <summary>The split in force: the last one every listed contributor confirmed, else equal among the authors.</summary>
    public IReadOnlyList<OwnershipShare> SharesInForce => Settled?.Shares ?? OwnershipShare.EqualAmong(CurrentAuthors);

    public string Basis => Settled is null ? OwnershipBases.Equal : OwnershipBases.Confirmed;

    public static Provenance Create(ContributionRecorded e) => new(e.ProvenanceId, e.IdeaId, e.CampaignId, [Entry(e)]);

    public Provenance Apply(ContributionRecorded e) => this with { Contributions = [.. Contributions, Entry(e)] };

    public Provenance Apply(IdeaAuthorsNoted e) => this with { Authors = e.Authors };

    public Provenance Apply(OwnershipProposed e) => this with { Pending = new(e.ProposalId, e.Shares, e.ProposedBy, e.ProposedAt, []) };

    public Provenance Apply(OwnershipConfirmed e) =>
        Pending is { } pending && pending.ProposalId == e.ProposalId ? this with { Pending = pending with { ConfirmedBy = [.. pending.ConfirmedBy, e.ConfirmedBy] } } : this;

    public Provenance Apply(OwnershipSettled e) => this with { Settled = new(e.ProposalId, e.Shares, e.SettledAt), Pending = null };

    public Provenance Apply(LicenceGranted e) => this with { Licences = [.. Licences ?? [], e] };

    public Provenance Apply(Ideas.IdeaVisibilityNoted e) => this with { Public = e.Public };

    private static ContributionEntry Entry(ContributionRecorded e) =>
        new(e.ContributionId, e.Contributor, e.Revision, e.ContentHash, e.AgreementVersion, e.RecordedAt);
}
