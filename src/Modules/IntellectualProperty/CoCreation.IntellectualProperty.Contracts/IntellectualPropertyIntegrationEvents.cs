namespace CoCreation.IntellectualProperty.Contracts;

public sealed record ContributionRecordedIntegrationEvent(
    Guid ContributionId, Guid IdeaId, Guid CampaignId, string Contributor, int Revision, string ContentHash, DateTimeOffset RecordedAt);

/// <summary>A contribution agreement version was published; the newest is the current one.</summary>
public sealed record AgreementPublishedIntegrationEvent(string Version, string TextHash, DateTimeOffset PublishedAt);

/// <summary>A member accepted an agreement version.</summary>
public sealed record AgreementAcceptedIntegrationEvent(string MemberId, string Version, string TextHash, DateTimeOffset AcceptedAt);

/// <summary>A dispute was opened on an idea: while any is open, the idea cannot be selected.</summary>
public sealed record DisputeOpenedIntegrationEvent(Guid DisputeId, Guid IdeaId, string ClaimedBy, DateTimeOffset OpenedAt);

/// <summary>Legal resolved a dispute; Upheld hides the idea.</summary>
public sealed record DisputeResolvedIntegrationEvent(
    Guid DisputeId, Guid IdeaId, string Outcome, string? Note, string ResolvedBy, DateTimeOffset ResolvedAt);

public static class DisputeOutcomes
{
    public const string Upheld = "Upheld";
    public const string Dismissed = "Dismissed";
}

/// <summary>One owner's part of an idea, in percent with at most two decimals.</summary>
public sealed record OwnershipShare(string UserId, decimal Percent)
{
    /// <summary>
    /// The split with no confirmed one: 100% in equal hundredths of a percent; the hundredths that do not divide
    /// evenly go one each to the first authors in order (the submitter first), so the parts always add up to 100.
    /// </summary>
    public static IReadOnlyList<OwnershipShare> EqualAmong(IReadOnlyList<string> authors)
    {
        if (authors.Count == 0) return [];
        var hundredths = 10_000 / authors.Count;
        var remainder = 10_000 % authors.Count;
        return authors.Select((a, i) => new OwnershipShare(a, (hundredths + (i < remainder ? 1 : 0)) / 100m)).ToList();
    }
}

public static class OwnershipBases
{
    /// <summary>No confirmed split yet: equal among the authors.</summary>
    public const string Equal = "equal";
    /// <summary>Every listed contributor confirmed this split.</summary>
    public const string Confirmed = "confirmed";
}

/// <summary>
/// The ownership split in force changed (a split was confirmed, or the authors changed while none was): what Rewards
/// pays royalties and prizes by. Version grows with every change: a reader keeps the highest.
/// </summary>
public sealed record OwnershipSharesChangedIntegrationEvent(
    Guid IdeaId, Guid CampaignId, IReadOnlyList<OwnershipShare> Shares, string Basis, long Version, DateTimeOffset ChangedAt);

/// <summary>The brand holds a licence to the selected idea from each contributor.</summary>
public sealed record LicenceGrantedIntegrationEvent(Guid IdeaId, Guid CampaignId, IReadOnlyList<string> Contributors, DateTimeOffset GrantedAt);
