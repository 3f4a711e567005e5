using Marten;

namespace CoCreation.IntellectualProperty.Agreements.Listing;

/// <summary>
/// A published version of the contribution agreement as legal reviews it. Acceptances is the number of members who
/// accepted this version (a member who accepted several versions counts once in each); Current marks the version in force.
/// </summary>
public sealed record AgreementVersionSummary(string Version, string TextHash, DateTimeOffset PublishedAt, string PublishedBy, int Acceptances, bool Current);

public static class AgreementVersionList
{
    public static async Task<IReadOnlyList<AgreementVersionSummary>> Of(IQuerySession session, CancellationToken token)
    {
        var registry = await session.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token);
        var counts = new Dictionary<string, int>();
        foreach (var version in registry?.Versions ?? [])
        {
            var v = version.Version;
            counts[v] = await session.Query<MemberAgreements>().CountAsync(m => m.Acceptances.Any(a => a.Version == v), token);
        }
        return NewestFirst(registry, counts);
    }

    /// <summary>The registry's versions, newest first (the order they were published in, reversed), with their acceptance counts.</summary>
    public static IReadOnlyList<AgreementVersionSummary> NewestFirst(AgreementRegistry? registry, IReadOnlyDictionary<string, int> acceptances) =>
        (registry?.Versions ?? []).Reverse()
            .Select(v => new AgreementVersionSummary(v.Version, v.TextHash, v.PublishedAt, v.PublishedBy,
                acceptances.GetValueOrDefault(v.Version), v == registry!.Current))
            .ToList();
}
