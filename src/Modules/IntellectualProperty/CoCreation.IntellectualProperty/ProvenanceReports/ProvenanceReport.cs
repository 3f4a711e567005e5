using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes;
using CoCreation.BuildingBlocks.Audit;
using Marten;
using System.Security.Claims;

namespace CoCreation.IntellectualProperty.ProvenanceReports;

public sealed record OwnershipReport(IReadOnlyList<OwnershipShare> Shares, bool Confirmed, string Basis, PendingProposal? Pending);

/// <summary>
/// The idea's events checked against the platform's hash chain over the whole log; Unchained are too recent to be chained yet.
/// ChainHead (kept by the contract, the same value as PlatformChainHead) is the head of that platform-wide chain when the
/// report was made, not the head of the export's chain over the idea's events alone (the export's <c>chain.ideaChainHead</c>).
/// </summary>
public sealed record IntegrityReport(int Events, int Unchained, string? ChainHead, bool Valid, long? FirstBrokenSeq, string? Problem)
{
    public string? PlatformChainHead => ChainHead;
    public string Scope => "platform: the hash chain over the whole event log (GET /api/audit/verify)";
}

/// <summary>Where a contribution's receipt is: its event in the log has the contribution's id (docs/adr/0024).</summary>
public sealed record ContributionReceipt(Guid ContributionId, string Contributor, int Revision, string Href);

public sealed record ProvenanceReport(
    Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Authors, IReadOnlyList<ContributionEntry> Contributions, OwnershipReport Ownership,
    IReadOnlyList<LicenceGranted> Licences, IReadOnlyList<Dispute> Disputes, IntegrityReport Integrity, IReadOnlyList<ContributionReceipt> Receipts);

public static class ProvenanceReportQuery
{
    /// <summary>The idea's provenance, for legal and for the idea's own contributors; 403 for anyone else.</summary>
    public static async Task<Provenance> Authorized(IQuerySession session, Guid ideaId, Viewer viewer, CancellationToken token)
    {
        var provenance = await Ideas.ProvenanceAccess.Load(session, ideaId, viewer, token);
        if (!viewer.Is(Roles.Legal) && !(viewer.Id is { } actor && provenance.Contributors.Contains(actor)))
            throw new Forbidden("not-a-contributor", "Only legal and the idea's contributors may read its provenance.");
        return provenance;
    }

    public static async Task<ProvenanceReport> Of(IQuerySession session, IEventLogIntegrity integrity, Provenance provenance, DateTimeOffset now, CancellationToken token)
    {
        var disputes = await session.Query<Dispute>().Where(d => d.IdeaId == provenance.IdeaId).OrderBy(d => d.OpenedAt).ToListAsync(token);
        var bundle = await ProvenanceExport.Build(session, provenance, now, token);
        var sequences = bundle["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        var check = await integrity.Check(sequences, token);
        return new ProvenanceReport(provenance.IdeaId, provenance.CampaignId, provenance.CurrentAuthors, provenance.Contributions,
            new OwnershipReport(provenance.SharesInForce, provenance.Settled is not null, provenance.Basis, provenance.Pending),
            provenance.Licences ?? [], disputes,
            new IntegrityReport(check.Events, check.Unchained, check.ChainHead, check.Valid, check.FirstBrokenSequence, check.Problem),
            provenance.Contributions.Select(c => new ContributionReceipt(c.Id, c.Contributor, c.Revision, $"/api/receipts/{c.Id}")).ToList());
    }
}
