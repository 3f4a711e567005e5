using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes;
using Marten;
using System.Security.Claims;

namespace CoCreation.IntellectualProperty.ProvenanceReports;

public sealed record OwnershipReport(IReadOnlyList<OwnershipShare> Shares, bool Confirmed, string Basis, PendingProposal? Pending);

public sealed record IntegrityReport(int Events, string? ChainHead, bool Valid, string Scope);

public sealed record ProvenanceReport(
    Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Authors, IReadOnlyList<ContributionEntry> Contributions, OwnershipReport Ownership,
    IReadOnlyList<LicenceGranted> Licences, IReadOnlyList<Dispute> Disputes, IntegrityReport Integrity);

public static class ProvenanceReportQuery
{
    /// <summary>The idea's provenance, for legal and for the idea's own contributors; 403 for anyone else.</summary>
    public static async Task<Provenance> Authorized(IQuerySession session, Guid ideaId, ClaimsPrincipal user, string actor, CancellationToken token)
    {
        var provenance = await session.LoadAsync<Provenance>(Provenance.StreamIdFor(ideaId), token) ?? throw new NotFound("idea", ideaId);
        if (!user.IsInRole(Roles.Legal) && !provenance.Contributors.Contains(actor))
            throw new Forbidden("not-a-contributor", "Only legal and the idea's contributors may read its provenance.");
        return provenance;
    }

    public static async Task<ProvenanceReport> Of(IQuerySession session, Provenance provenance, DateTimeOffset now, CancellationToken token)
    {
        var disputes = await session.Query<Dispute>().Where(d => d.IdeaId == provenance.IdeaId).OrderBy(d => d.OpenedAt).ToListAsync(token);
        var check = ProvenanceExportVerifier.Verify((await ProvenanceExport.Build(session, provenance, now, token)).ToJsonString());
        return new ProvenanceReport(provenance.IdeaId, provenance.CampaignId, provenance.CurrentAuthors, provenance.Contributions,
            new OwnershipReport(provenance.SharesInForce, provenance.Settled is not null, provenance.Basis, provenance.Pending),
            provenance.Licences ?? [], disputes,
            new IntegrityReport(check.Events, check.ChainHead, check.Valid, "the idea's IntellectualProperty events, chained as in its export"));
    }
}
