using CoCreation.BuildingBlocks.Privacy;
using System.Security.Cryptography;
using System.Text;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.IntellectualProperty.Agreements;

public sealed record AgreementPublished(Guid RegistryId, string Version, [NotMemberWritten("the agreement's text, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Text, string TextHash, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record AgreementAccepted(Guid MemberStreamId, string MemberId, string Version, string TextHash, DateTimeOffset AcceptedAt);

public sealed record AgreementVersion(string Version, string Text, string TextHash, string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>Every published version of the contribution agreement; the newest is current. One stream.</summary>
public sealed record AgreementRegistry(Guid Id, IReadOnlyList<AgreementVersion> Versions)
{
    public static readonly Guid StreamId = StreamIds.Derive("ip-agreements", "registry");

    public AgreementVersion? Current => Versions.Count == 0 ? null : Versions[^1];

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static AgreementRegistry Create(AgreementPublished e) => new(e.RegistryId, [Version(e)]);

    public AgreementRegistry Apply(AgreementPublished e) => this with { Versions = [.. Versions, Version(e)] };

    private static AgreementVersion Version(AgreementPublished e) => new(e.Version, e.Text, e.TextHash, e.PublishedBy, e.PublishedAt);
}

public sealed record Acceptance(string Version, string TextHash, DateTimeOffset AcceptedAt);

/// <summary>The agreement versions one member accepted, with the hash of the text they accepted.</summary>
public sealed record MemberAgreements(Guid Id, string MemberId, IReadOnlyList<Acceptance> Acceptances)
{
    public static Guid StreamIdFor(string memberId) => StreamIds.Derive("ip-member-agreements", memberId);

    public static MemberAgreements Create(AgreementAccepted e) => new(e.MemberStreamId, e.MemberId, [new(e.Version, e.TextHash, e.AcceptedAt)]);

    public MemberAgreements Apply(AgreementAccepted e) => this with { Acceptances = [.. Acceptances, new(e.Version, e.TextHash, e.AcceptedAt)] };
}
