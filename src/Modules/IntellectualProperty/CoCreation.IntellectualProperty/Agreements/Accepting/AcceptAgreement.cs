using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Agreements.Accepting;

public sealed record AcceptAgreement(string Version, string MemberId);

public sealed record AcceptanceResponse(string Version, string TextHash, DateTimeOffset AcceptedAt, bool Created);

/// <summary>What the caller is told of an acceptance, the first time (201) or again (200).</summary>
public sealed record AgreementAcceptance(string Version, string TextHash, DateTimeOffset AcceptedAt);

public static class AcceptAgreementHandler
{
    /// <summary>Null when the member already accepted this version: accepting twice changes nothing.</summary>
    public static AgreementAccepted? Decide(AgreementRegistry? registry, MemberAgreements? member, AcceptAgreement command, DateTimeOffset now)
    {
        var version = registry?.Versions.FirstOrDefault(v => v.Version == command.Version)
                      ?? throw new NotFound("agreement version", command.Version);
        if (version != registry!.Current)
            throw new RuleViolated("agreement-not-current", $"Version '{command.Version}' is not the current agreement ('{registry.Current!.Version}').");
        if (member?.Acceptances.Any(a => a.Version == command.Version) == true) return null;
        return new AgreementAccepted(MemberAgreements.StreamIdFor(command.MemberId), command.MemberId, version.Version, version.TextHash, now);
    }

    public static async Task<(AcceptanceResponse, OutgoingMessages)> Handle(
        AcceptAgreement command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var registry = await session.Events.AggregateStreamAsync<AgreementRegistry>(AgreementRegistry.StreamId, token: token);
        var stream = await session.Events.FetchForWriting<MemberAgreements>(MemberAgreements.StreamIdFor(command.MemberId), token);
        var accepted = Decide(registry, stream.Aggregate, command, clock.GetUtcNow());
        if (accepted is null)
        {
            var existing = stream.Aggregate!.Acceptances.First(a => a.Version == command.Version);
            return (new AcceptanceResponse(existing.Version, existing.TextHash, existing.AcceptedAt, false), []);
        }
        stream.AppendOne(accepted);
        return (new AcceptanceResponse(accepted.Version, accepted.TextHash, accepted.AcceptedAt, true),
            [new AgreementAcceptedIntegrationEvent(accepted.MemberId, accepted.Version, accepted.TextHash, accepted.AcceptedAt)]);
    }
}
