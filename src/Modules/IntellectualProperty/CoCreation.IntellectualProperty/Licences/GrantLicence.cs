using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Licences;

/// <summary>Selection grants the brand a licence from each contributor, under the agreement version of their latest contribution.</summary>
public static class GrantLicenceHandler
{
    public const string Licensee = "brand";

    public static LicenceGranted? Decide(Provenance provenance, AgreementRegistry? registry, string selectedBy, DateTimeOffset now)
    {
        if (provenance.Licences is { Count: > 0 }) return null;
        var grants = provenance.Contributors.Select(contributor =>
        {
            var version = provenance.Contributions.Where(c => c.Contributor == contributor).OrderBy(c => c.At).LastOrDefault()?.AgreementVersion;
            return new LicenceGrant(contributor, version, registry?.Versions.FirstOrDefault(v => v.Version == version)?.TextHash);
        }).ToList();
        return new LicenceGranted(provenance.Id, provenance.IdeaId, provenance.CampaignId, Licensee, grants, selectedBy, now);
    }

    public static async Task<OutgoingMessages> Handle(IdeaSelectedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Provenance>(Provenance.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } provenance) return [];
        var registry = await session.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token);
        if (Decide(provenance, registry, message.SelectedBy, message.SelectedAt) is not { } granted) return [];
        stream.AppendOne(granted);
        return [new LicenceGrantedIntegrationEvent(granted.IdeaId, granted.CampaignId, granted.Grants.Select(g => g.Contributor).ToList(), granted.GrantedAt)];
    }
}
