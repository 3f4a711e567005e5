using CoCreation.BuildingBlocks.Modules;
using CoCreation.IntellectualProperty.Contracts;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace CoCreation.Ideation.Agreements;

// Ideation's own record of what IntellectualProperty announced: the current agreement version and who accepted which.
public sealed record CurrentAgreementNoted(Guid StreamId, string Version, DateTimeOffset PublishedAt);

public sealed record AgreementAcceptanceNoted(Guid StreamId, string MemberId, string Version, DateTimeOffset AcceptedAt);

public sealed record CurrentAgreement(Guid Id, string Version)
{
    public static readonly Guid StreamId = StreamIds.Derive("ideation-current-agreement", "current");
}

public sealed record MemberAcceptances(Guid Id, string MemberId, IReadOnlyList<string> Versions)
{
    public static Guid StreamIdFor(string memberId) => StreamIds.Derive("ideation-member-acceptances", memberId);
}

public sealed class CurrentAgreementProjection : SingleStreamProjection<CurrentAgreement, Guid>
{
    public static CurrentAgreement Create(IEvent<CurrentAgreementNoted> e) => new(e.StreamId, e.Data.Version);
    public static CurrentAgreement Apply(CurrentAgreementNoted e, CurrentAgreement view) => view with { Version = e.Version };
}

public sealed class MemberAcceptancesProjection : SingleStreamProjection<MemberAcceptances, Guid>
{
    public static MemberAcceptances Create(IEvent<AgreementAcceptanceNoted> e) => new(e.StreamId, e.Data.MemberId, [e.Data.Version]);
    public static MemberAcceptances Apply(AgreementAcceptanceNoted e, MemberAcceptances view) => view with { Versions = [.. view.Versions, e.Version] };
}

public static class AgreementKnowledgeHandler
{
    public static void Handle(AgreementPublishedIntegrationEvent message, IDocumentSession session) =>
        session.Events.Append(CurrentAgreement.StreamId, new CurrentAgreementNoted(CurrentAgreement.StreamId, message.Version, message.PublishedAt));

    public static async Task Handle(AgreementAcceptedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var streamId = MemberAcceptances.StreamIdFor(message.MemberId);
        var known = await session.LoadAsync<MemberAcceptances>(streamId, token);
        if (known?.Versions.Contains(message.Version) == true) return;
        session.Events.Append(streamId, new AgreementAcceptanceNoted(streamId, message.MemberId, message.Version, message.AcceptedAt));
    }
}

/// <summary>
/// Has the member accepted the current agreement? Asked of Ideation's own read model. An acceptance made a
/// moment ago may still be on its way from IntellectualProperty (a few milliseconds through the outbox), so a
/// "no" is re-checked for a short while before it is final: read-your-writes across modules without coupling them.
/// </summary>
public static class AgreementCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public static async Task<string?> MissingAcceptance(IQuerySession session, string memberId, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var current = await session.LoadAsync<CurrentAgreement>(CurrentAgreement.StreamId, token);
            if (current is null) return null;
            var accepted = await session.LoadAsync<MemberAcceptances>(MemberAcceptances.StreamIdFor(memberId), token);
            if (accepted?.Versions.Contains(current.Version) == true) return null;
            if (DateTime.UtcNow >= deadline) return current.Version;
            await Task.Delay(50, token);
        }
    }
}
